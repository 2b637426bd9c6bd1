// The rational tanh of Strata's Tanh kernel and recurrent layers: an odd degree-13 polynomial over an
// even degree-6 one on |x| clamped to 7.905 (beyond which tanh is within 3e-7 of ±1), the well-known
// minimax fit of fast float tanh implementations, evaluated in float32 (Horner's rule, with the module's
// multiply-add). The constants are instruction immediates. The same coefficients are in
// src/kernels/Tanh.ts, for platforms without WebAssembly SIMD.
#ifndef STRATA_TANH_H
#define STRATA_TANH_H
#include <wasm_simd128.h>
#include "madd.h"

#define TANH_CLAMP 7.90531110763549805f

static inline v128_t tanh4(v128_t x) {
  // min and max keep NaN as NaN.
  x = wasm_f32x4_max(wasm_f32x4_min(x, wasm_f32x4_splat(TANH_CLAMP)), wasm_f32x4_splat(-TANH_CLAMP));
  const v128_t x2 = wasm_f32x4_mul(x, x);
  v128_t p = f32x4_madd(wasm_f32x4_splat(-2.76076847742355e-16f), x2, wasm_f32x4_splat(2.00018790482477e-13f));
  p = f32x4_madd(p, x2, wasm_f32x4_splat(-8.60467152213735e-11f));
  p = f32x4_madd(p, x2, wasm_f32x4_splat(5.12229709037114e-8f));
  p = f32x4_madd(p, x2, wasm_f32x4_splat(1.48572235717979e-5f));
  p = f32x4_madd(p, x2, wasm_f32x4_splat(6.37261928875436e-4f));
  p = f32x4_madd(p, x2, wasm_f32x4_splat(4.89352455891786e-3f));
  p = wasm_f32x4_mul(p, x);
  v128_t q = f32x4_madd(wasm_f32x4_splat(1.19825839466702e-6f), x2, wasm_f32x4_splat(1.18534705686654e-4f));
  q = f32x4_madd(q, x2, wasm_f32x4_splat(2.26843463243900e-3f));
  q = f32x4_madd(q, x2, wasm_f32x4_splat(4.89352518554385e-3f));
  return wasm_f32x4_div(p, q);
}

// The same in one lane, for the last n mod 4 values.
static inline float tanh1(float x) { return wasm_f32x4_extract_lane(tanh4(wasm_f32x4_splat(x)), 0); }
#endif
