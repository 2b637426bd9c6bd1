// The 4 x 8 register tile of Strata's matrix product and convolutions: 4 rows by 8 columns of sums in eight
// SIMD registers, c0l/c0h ... c3l/c3h (row r's columns 0-3 and 4-7). Macros rather than functions, so that
// each kernel's loop nest stays one function body, where V8 keeps all eight sums in registers.
#ifndef STRATA_TILE_H
#define STRATA_TILE_H
#include <wasm_simd128.h>
#include "madd.h"

// Declares the eight sums, all zero, and `zero`.
#define TILE_ZERO()                                   \
  v128_t zero = wasm_f32x4_splat(0.0f);               \
  v128_t c0l = zero, c0h = zero, c1l = zero, c1h = zero, c2l = zero, c2h = zero, c3l = zero, c3h = zero

// Loads the sums from four rows of 8 floats.
#define TILE_LOAD(d0, d1, d2, d3)                                     \
  do {                                                                \
    c0l = wasm_v128_load(d0); c0h = wasm_v128_load((d0) + 4);         \
    c1l = wasm_v128_load(d1); c1h = wasm_v128_load((d1) + 4);         \
    c2l = wasm_v128_load(d2); c2h = wasm_v128_load((d2) + 4);         \
    c3l = wasm_v128_load(d3); c3h = wasm_v128_load((d3) + 4);         \
  } while (0)

// Adds one step of k: row r's A value (at address a_r) times the 8 panel values at `panel`.
#define TILE_MADD(panel, a0, a1, a2, a3)                         \
  do {                                                           \
    v128_t b0 = wasm_v128_load(panel);                           \
    v128_t b1 = wasm_v128_load((panel) + 4);                     \
    v128_t v = wasm_v128_load32_splat(a0);                       \
    c0l = f32x4_madd(v, b0, c0l);                                \
    c0h = f32x4_madd(v, b1, c0h);                                \
    v = wasm_v128_load32_splat(a1);                              \
    c1l = f32x4_madd(v, b0, c1l);                                \
    c1h = f32x4_madd(v, b1, c1h);                                \
    v = wasm_v128_load32_splat(a2);                              \
    c2l = f32x4_madd(v, b0, c2l);                                \
    c2h = f32x4_madd(v, b1, c2h);                                \
    v = wasm_v128_load32_splat(a3);                              \
    c3l = f32x4_madd(v, b0, c3l);                                \
    c3h = f32x4_madd(v, b1, c3h);                                \
  } while (0)

// Stores the sums as 4 rows of 8 at `edge` (32 floats), for tiles narrower or shorter than 4 x 8.
#define TILE_STORE_EDGE(edge)                                                   \
  do {                                                                          \
    wasm_v128_store(edge, c0l); wasm_v128_store((edge) + 4, c0h);               \
    wasm_v128_store((edge) + 8, c1l); wasm_v128_store((edge) + 12, c1h);        \
    wasm_v128_store((edge) + 16, c2l); wasm_v128_store((edge) + 20, c2h);       \
    wasm_v128_store((edge) + 24, c3l); wasm_v128_store((edge) + 28, c3h);       \
  } while (0)
#endif
