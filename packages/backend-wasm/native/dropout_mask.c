// The inverted-dropout mask of src/kernels/StrataDropoutMask.ts, bit for bit: pair i of entries is decided
// by h = fmix32(key + (i + 1) * 0x61c88647), MurmurHash3's finaliser over a Weyl sequence; entry 2i is kept
// when the low 16 bits of h fall below `threshold`, entry 2i + 1 when the high 16 bits do. Four hashes (eight
// entries) per step in i32x4 lanes; kept entries are `scale`, dropped ones 0.
#include <wasm_simd128.h>
#include "export.h"

#define WEYL 0x61c88647u

static inline unsigned fmix32(unsigned h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  return h ^ (h >> 16);
}

void STRATA_EXPORT(dropout_mask)(float *out, int n, unsigned key, int threshold, float scale) {
  const int pairs = n >> 1;
  const v128_t limit = wasm_i32x4_splat(threshold);
  const v128_t low16 = wasm_i32x4_splat(0xffff);
  const v128_t kept = wasm_f32x4_splat(scale);
  const v128_t step = wasm_i32x4_splat((int)(4u * WEYL));
  v128_t counter = wasm_i32x4_make((int)(key + WEYL), (int)(key + 2u * WEYL), (int)(key + 3u * WEYL), (int)(key + 4u * WEYL));
  int i = 0;
  for (; i + 4 <= pairs; i += 4, out += 8) {
    v128_t h = wasm_v128_xor(counter, wasm_u32x4_shr(counter, 16));
    h = wasm_i32x4_mul(h, wasm_i32x4_splat((int)0x85ebca6bu));
    h = wasm_v128_xor(h, wasm_u32x4_shr(h, 13));
    h = wasm_i32x4_mul(h, wasm_i32x4_splat((int)0xc2b2ae35u));
    h = wasm_v128_xor(h, wasm_u32x4_shr(h, 16));
    // Both halves are in [0, 65535], so the signed compare against threshold (at most 65536) is exact.
    const v128_t lo = wasm_i32x4_lt(wasm_v128_and(h, low16), limit);
    const v128_t hi = wasm_i32x4_lt(wasm_u32x4_shr(h, 16), limit);
    wasm_v128_store(out, wasm_v128_and(wasm_i32x4_shuffle(lo, hi, 0, 4, 1, 5), kept));
    wasm_v128_store(out + 4, wasm_v128_and(wasm_i32x4_shuffle(lo, hi, 2, 6, 3, 7), kept));
    counter = wasm_i32x4_add(counter, step);
  }
  // The last pairs, and the odd last entry, which uses the low half of one more hash.
  unsigned c = key + (unsigned)i * WEYL;
  for (; 2 * i < n; i++, out += 2) {
    c += WEYL;
    const unsigned h = fmix32(c);
    out[0] = (int)(h & 0xffff) < threshold ? scale : 0.0f;
    if (2 * i + 1 < n) out[1] = (int)(h >> 16) < threshold ? scale : 0.0f;
  }
}
