// The multiply-add of every kernel's inner loops, a·b + c on four floats. The module is built twice from
// the same sources (scripts/build-native.mjs): with STRATA_RELAXED_SIMD it is one f32x4.relaxed_madd
// (WebAssembly relaxed SIMD), which the engine compiles to a fused multiply-add where the CPU has one
// (rounded once, and one instruction instead of two); otherwise a SIMD128 multiply, then an add.
#ifndef STRATA_MADD_H
#define STRATA_MADD_H
#include <wasm_simd128.h>

static inline __attribute__((always_inline)) v128_t f32x4_madd(v128_t a, v128_t b, v128_t c) {
#ifdef STRATA_RELAXED_SIMD
  return __builtin_wasm_relaxed_madd_f32x4(a, b, c);
#else
  return wasm_f32x4_add(wasm_f32x4_mul(a, b), c);
#endif
}
#endif
