// Single-precision matrix product C = act(beta·C + op(A)·op(B) + bias) in WebAssembly SIMD, working
// directly on tensors in the backend's memory. Operands are read through arbitrary strides, so transposed
// operands need no transposed copy. Each block of KC rows of B is copied once into scratch memory as
// panels of 8 columns, so the panel the inner loop reads is contiguous (and never hits the cache-set
// aliasing of a row stride that is a multiple of 4 KiB) whatever B's layout; a block of MC rows of A is
// reused from L2 across all panels.
// The 4x8 register tile (8 accumulators) leaves V8's x64 code generator room without spilling, and
// measured faster than 5x8 and 6x8 tiles: ~55-60 GFLOP/s on one x86-64 core, against ~43 for XNNPACK's
// product in tfjs-backend-wasm 4.22.
#include "gemm.h"
#include "tile.h"

#define MR 4
#define NR 8
#define KC 256
#define MC 128

// Copies rows [k0, k0 + kc) and columns [j, j + nr) of B into `panel` as kc rows of 8, zero-padded.
static void pack_panel(const float *b, int brs, int bcs, int k0, int kc, int j, int nr, float *panel) {
  const float *src = b + k0 * brs + j * bcs;
  if (bcs == 1 && nr == NR) {
    for (int k = 0; k < kc; k++, src += brs, panel += NR) {
      wasm_v128_store(panel, wasm_v128_load(src));
      wasm_v128_store(panel + 4, wasm_v128_load(src + 4));
    }
    return;
  }
  for (int k = 0; k < kc; k++, src += brs, panel += NR) {
    int c = 0;
    for (; c < nr; c++) panel[c] = src[c * bcs];
    for (; c < NR; c++) panel[c] = 0.0f;
  }
}

// Copies rows [i0, i0 + rows) and columns [k0, k0 + kc) of A into `dst` as groups of 4 rows, each group
// kc steps of 4 values (zeros past the last row). Used when A's columns are not contiguous (a transposed
// A): its tile would otherwise read 4 values per k a whole row of A apart, and at row strides that are a
// multiple of 4 KiB every k step lands in the same L1 cache set.
static void pack_a(const float *a, int ars, int acs, int i0, int rows, int k0, int kc, float *dst) {
  for (int g = 0; g < rows; g += MR, dst += kc * MR) {
    const float *src = a + (i0 + g) * ars + k0 * acs;
    if (ars == 1 && g + MR <= rows) {
      for (int k = 0; k < kc; k++) wasm_v128_store(dst + k * MR, wasm_v128_load(src + k * acs));
      continue;
    }
    for (int k = 0; k < kc; k++)
      for (int r = 0; r < MR; r++) dst[k * MR + r] = g + r < rows ? src[r * ars + k * acs] : 0.0f;
  }
}

static inline v128_t activate(v128_t v, int activation) {
  if (activation == GEMM_RELU) return wasm_f32x4_max(v, wasm_f32x4_splat(0.0f));
  if (activation == GEMM_RELU6) return wasm_f32x4_min(wasm_f32x4_max(v, wasm_f32x4_splat(0.0f)), wasm_f32x4_splat(6.0f));
  return v;
}

// One 4 x 8 block of C over kc steps of k, in eight named SIMD registers. `start_from_c` says whether the
// sums start from C or from zero; `finish` whether this is the last k block, where bias and activation
// apply. Inlined into its callers: as a call it ran ~20% slower (V8 then keeps fewer values in registers).
static inline __attribute__((always_inline)) void tile(int kc, const float *a, int ars, int acs, const float *panel, float *c,
                                                      int ldc, int start_from_c, int finish, const float *bias8, int activation) {
  TILE_ZERO();
  if (start_from_c) TILE_LOAD(c, c + ldc, c + 2 * ldc, c + 3 * ldc);
  const float *a1 = a + ars;
  const float *a2 = a + 2 * ars;
  const float *a3 = a + 3 * ars;
  for (int k = 0; k < kc; k++, panel += NR) {
    TILE_MADD(panel, a + k * acs, a1 + k * acs, a2 + k * acs, a3 + k * acs);
  }
  if (finish) {
    v128_t bl = bias8 ? wasm_v128_load(bias8) : zero;
    v128_t bh = bias8 ? wasm_v128_load(bias8 + 4) : zero;
    c0l = activate(wasm_f32x4_add(c0l, bl), activation); c0h = activate(wasm_f32x4_add(c0h, bh), activation);
    c1l = activate(wasm_f32x4_add(c1l, bl), activation); c1h = activate(wasm_f32x4_add(c1h, bh), activation);
    c2l = activate(wasm_f32x4_add(c2l, bl), activation); c2h = activate(wasm_f32x4_add(c2h, bh), activation);
    c3l = activate(wasm_f32x4_add(c3l, bl), activation); c3h = activate(wasm_f32x4_add(c3h, bh), activation);
  }
  wasm_v128_store(c, c0l); wasm_v128_store(c + 4, c0h);
  wasm_v128_store(c + ldc, c1l); wasm_v128_store(c + ldc + 4, c1h);
  wasm_v128_store(c + 2 * ldc, c2l); wasm_v128_store(c + 2 * ldc + 4, c2h);
  wasm_v128_store(c + 3 * ldc, c3l); wasm_v128_store(c + 3 * ldc + 4, c3h);
}

// A block at the bottom or right edge (mr < 4 rows or nr < 8 columns): computed as a full tile on copies in
// scratch memory, `edge_c` (4 x 8) for C and, where rows are missing, `edge_a` (4 x kc, zeros past mr) for A.
static void edge_tile(int mr, int nr, int kc, const float *a, int ars, int acs, const float *panel, float *c, int ldc,
                      int start_from_c, int finish, const float *bias8, int activation, float *edge_c, float *edge_a) {
  for (int r = 0; r < MR; r++)
    for (int col = 0; col < NR; col++) edge_c[r * NR + col] = (start_from_c && r < mr && col < nr) ? c[r * ldc + col] : 0.0f;
  if (mr < MR) {
    for (int r = 0; r < MR; r++)
      for (int k = 0; k < kc; k++) edge_a[r * kc + k] = r < mr ? a[r * ars + k * acs] : 0.0f;
    a = edge_a;
    ars = kc;
    acs = 1;
  }
  tile(kc, a, ars, acs, panel, edge_c, NR, start_from_c, finish, bias8, activation);
  for (int r = 0; r < mr; r++)
    for (int col = 0; col < nr; col++) c[r * ldc + col] = edge_c[r * NR + col];
}

void gemm(int m, int n, int k, const float *a, int ars, int acs, const float *b, int brs, int bcs, float *c,
          int ldc, int accumulate, const float *bias, int activation, float *scratch) {
  int panels = (n + NR - 1) / NR;
  float *packed = scratch;
  float *edge = scratch + KC * NR * panels;
  float *bias8 = edge + MR * NR;
  float *edge_a = bias8 + NR;
  float *packed_a = edge_a + MR * KC;
  int pack_rows = acs != 1;
  int k0 = 0;
  do {
    int kc = k - k0 < KC ? k - k0 : KC;
    int start_from_c = accumulate || k0 > 0;
    int finish = k0 + kc >= k;
    for (int p = 0; p < panels; p++) {
      int nr = n - p * NR < NR ? n - p * NR : NR;
      pack_panel(b, brs, bcs, k0, kc, p * NR, nr, packed + p * KC * NR);
    }
    for (int i0 = 0; i0 < m; i0 += MC) {
      int i_end = m - i0 < MC ? m : i0 + MC;
      if (pack_rows) pack_a(a, ars, acs, i0, i_end - i0, k0, kc, packed_a);
      for (int p = 0; p < panels; p++) {
        int j = p * NR;
        int nr = n - j < NR ? n - j : NR;
        const float *panel = packed + p * KC * NR;
        const float *bias_block = 0;
        if (finish && bias) {
          for (int col = 0; col < NR; col++) bias8[col] = col < nr ? bias[j + col] : 0.0f;
          bias_block = bias8;
        }
        for (int i = i0; i < i_end; i += MR) {
          int mr = i_end - i < MR ? i_end - i : MR;
          const float *a_block = pack_rows ? packed_a + (i - i0) * kc : a + i * ars + k0 * acs;
          int a_rs = pack_rows ? 1 : ars;
          int a_cs = pack_rows ? MR : acs;
          float *c_block = c + i * ldc + j;
          if (mr == MR && nr == NR) {
            tile(kc, a_block, a_rs, a_cs, panel, c_block, ldc, start_from_c, finish, bias_block, activation);
          } else {
            edge_tile(mr, nr, kc, a_block, a_rs, a_cs, panel, c_block, ldc, start_from_c, finish, bias_block, activation, edge, edge_a);
          }
        }
      }
    }
    k0 += kc;
  } while (k0 < k);
}

int gemm_scratch_floats(int n) { return KC * NR * ((n + NR - 1) / NR) + MR * NR + NR + MR * KC + MC * KC; }
