// The clamp behind Relu (lo 0, hi infinity), Relu6 and ClipByValue, four floats at a time. The pseudo-
// minimum and -maximum with the input first, pmax(x, lo) = x < lo ? lo : x and pmin(v, hi) = hi < v ? hi : v,
// leave NaN as it is (a comparison with NaN is false) in one machine instruction each; f32x4.max and
// f32x4.min propagate NaN too but cost several on x86 (measured 2x slower than the stock kernel).
// XNNPACK's clamp turned NaN into the lower bound, and its ReLU, which compares bits as integers, turned
// NaN with the sign bit set into 0.
#include <wasm_simd128.h>
#include "clamp.h"

void clamp(const float *x, float *y, int n, float lo, float hi) {
  const v128_t vlo = wasm_f32x4_splat(lo);
  const v128_t vhi = wasm_f32x4_splat(hi);
  int i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_pmin(wasm_f32x4_pmax(wasm_v128_load(x + i), vlo), vhi));
  for (; i < n; i++) {
    const float v = x[i];
    y[i] = v < lo ? lo : v > hi ? hi : v;
  }
}
