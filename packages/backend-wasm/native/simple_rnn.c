// A tanh SimpleRNN over a whole sequence in two calls, one forward and one backward, instead of a few
// kernel calls per time step: the time loop runs here, each step's recurrent product in `gemm` (reading
// transposed operands through their strides) and the elementwise parts in SIMD on the product in place.
//
// Forward: h_t = tanh(x_t + h_{t-1} · U), where x_t already holds the step's input product and bias.
// Backward, from the gradient dH_t of every state, going back in time:
//   dz_t = (dH_t + dh_t) · (1 - h_t²)   (dh_t: the gradient reaching h_t through step t+1; 0 for the last)
//   dh_{t-1} = dz_t · Uᵀ                (dh_{-1} is the gradient of h0)
//   dx_t = dz_t,   dU = Σ_t h_{t-1}ᵀ · dz_t
// dU needs no work inside the loop: with H = [h_0 … h_{T-2}] and dZ = [dz_1 … dz_{T-1}] stacked along the
// rows (both contiguous), it is Hᵀ · dZ + h0ᵀ · dz_0, two products with long inner dimensions.
#include <wasm_simd128.h>
#include "gemm.h"
#include "simple_rnn.h"
#include "tanh_forward.h"

static void copy(const float *src, float *dst, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(dst + i, wasm_v128_load(src + i));
  for (; i < n; i++) dst[i] = src[i];
}

// dz = (dh + (carry ? dnext : 0)) · (1 - h²) over n floats.
static void tanh_grad(const float *dh, const float *dnext, int carry, const float *h, float *dz, int n) {
  const v128_t one = wasm_f32x4_splat(1.0f);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t g = wasm_v128_load(dh + i);
    if (carry) g = wasm_f32x4_add(g, wasm_v128_load(dnext + i));
    const v128_t v = wasm_v128_load(h + i);
    wasm_v128_store(dz + i, wasm_f32x4_mul(g, wasm_f32x4_sub(one, wasm_f32x4_mul(v, v))));
  }
  for (; i < n; i++) {
    const float g = carry ? dh[i] + dnext[i] : dh[i];
    dz[i] = g * (1.0f - h[i] * h[i]);
  }
}

int simple_rnn_forward_scratch_floats(int units) { return gemm_scratch_floats(units); }

void simple_rnn_forward(int steps, int batch, int units, const float *inputs, const float *kernel, const float *h0, float *states,
                        float *scratch) {
  const int n = batch * units;
  const float *prev = h0;
  for (int t = 0; t < steps; t++) {
    float *h = states + t * n;
    copy(inputs + t * n, h, n);
    gemm(batch, units, units, prev, units, 1, kernel, units, 1, h, units, 1, 0, GEMM_LINEAR, scratch);
    tanh_forward(h, h, n);
    prev = h;
  }
}

int simple_rnn_backward_scratch_floats(int units) { return ((gemm_scratch_floats(units) + 3) & ~3) + units * units; }

void simple_rnn_transpose(int units, const float *kernel, float *kernel_t) {
  for (int i = 0; i < units; i++)
    for (int j = 0; j < units; j++) kernel_t[j * units + i] = kernel[i * units + j];
}

void simple_rnn_backward_step(int batch, int units, const float *dstates, const float *states, const float *kernel_t, int carry,
                              float *dinputs, float *dh, float *scratch) {
  tanh_grad(dstates, dh, carry, states, dinputs, batch * units);
  gemm(batch, units, units, dinputs, units, 1, kernel_t, units, 1, dh, units, 0, 0, GEMM_LINEAR, scratch);
}

void simple_rnn_backward(int steps, int batch, int units, const float *dstates, const float *states, const float *kernel,
                         const float *h0, float *dinputs, float *dkernel, float *dh0, float *scratch) {
  const int n = batch * units;
  if (steps == 0 || n == 0) {
    for (int i = 0; i < units * units; i++) dkernel[i] = 0.0f;
    for (int i = 0; i < n; i++) dh0[i] = 0.0f;
    return;
  }
  // Uᵀ once, so that every step's dz · Uᵀ reads its right operand row by row (gemm would otherwise gather
  // it column by column at every step).
  float *kernel_t = scratch + ((gemm_scratch_floats(units) + 3) & ~3);
  simple_rnn_transpose(units, kernel, kernel_t);
  // dh0 holds the gradient reaching the current step's state from the step after it.
  for (int t = steps - 1; t >= 0; t--)
    simple_rnn_backward_step(batch, units, dstates + t * n, states + t * n, kernel_t, t < steps - 1, dinputs + t * n, dh0, scratch);
  // dU = Hᵀ · dZ over steps 1 … T-1, then + h0ᵀ · dz_0.
  if (steps > 1) gemm(units, units, (steps - 1) * batch, states, 1, units, dinputs + n, units, 1, dkernel, units, 0, 0, GEMM_LINEAR, scratch);
  gemm(units, units, batch, h0, 1, units, dinputs, units, 1, dkernel, units, steps > 1, 0, GEMM_LINEAR, scratch);
}
