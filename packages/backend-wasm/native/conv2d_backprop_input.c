// Input gradient of a 2-D convolution in WebAssembly SIMD, as an implicit matrix product in scatter form:
// the column matrix dy[positions, co] · wᵀ[co, (fh, fw, ci)] (what im2col's adjoint would add back onto
// the windows) is computed a 4 x 8 tile at a time (4 consecutive output positions, whose rows of dy lie
// one after another; 8 columns in 8 registers), and each tile is added onto dx under its windows at once,
// so dy is read in place and no column matrix exists. Where the 8 columns are 8 channels of one filter
// cell (in_c a multiple of 8) that addition is two vector adds per row; otherwise the 8 columns may span
// cells (in_c = 1 or 3), which keeps every column of the tile in use. No work is spent on zero padding:
// the gather form, a correlation of the padded dy, spends 1.4x the arithmetic on a 13x13 input under a 3x3
// filter and 2.8x on 5x5. wᵀ is packed once per call into panels of 8 columns. The batch is walked a block
// of images at a time, small enough that its dy and dx stay in L2; where windows reach outside the input
// (padding, or a 'same' remainder), the block's dx is built in a padded scratch copy and its interior
// copied out.
#include <wasm_simd128.h>
#include "tile.h"
#include "conv2d_backprop_input.h"
#include "conv2d_pad.h"

#define MR 4
#define NR 8
// Bytes of dy and dx that one block of images may occupy: well inside a 1 MiB L2 (on the CNN's layers,
// 160 KiB to 768 KiB measured within noise of each other).
#define BLOCK_BYTES (384 * 1024)

static int block_images(int batch, int per_image_floats) {
  int block = per_image_floats > 0 ? BLOCK_BYTES / (4 * per_image_floats) : batch;
  if (block < 1) block = 1;
  return block < batch ? block : batch;
}

// Packs columns [8j, 8j + 8) of wᵀ, the [out_c, n] matrix whose column (cell, ci) is w[cell, ci, :], as
// out_c rows of 8 floats, zero past column n.
static void pack_filter(const float *w, int n, int out_c, int j, float *panel) {
  for (int co = 0; co < out_c; co++, panel += NR) {
    for (int col = 0; col < NR; col++) panel[col] = j + col < n ? w[(j + col) * out_c + co] : 0.0f;
  }
}

static inline void add8(float *d, v128_t lo, v128_t hi) {
  wasm_v128_store(d, wasm_f32x4_add(wasm_v128_load(d), lo));
  wasm_v128_store(d + 4, wasm_f32x4_add(wasm_v128_load(d + 4), hi));
}

// One tile: mr (<= 4) consecutive output positions, whose dy rows start at a (row i at a + i·out_c), times
// one panel of nr (<= 8) columns (cell, ci) of wᵀ; row i's product for column c is added onto dx at
// d_i + offsets[c]. Where the 8 columns are 8 consecutive channels of one cell (`contiguous`) that is
// two vector additions per row; otherwise the products go through `edge` and are added one by one. Rows
// past mr read row 0 and are not added.
static void tile(int mr, int nr, const float *a, const float *panel, int out_c, float *d0, float *d1, float *d2,
                 float *d3, const int *offsets, int contiguous, float *edge) {
  const int o1 = mr > 1 ? out_c : 0;
  const int o2 = mr > 2 ? 2 * out_c : 0;
  const int o3 = mr > 3 ? 3 * out_c : 0;
  TILE_ZERO();
  for (int co = 0; co < out_c; co++, a++, panel += NR) {
    TILE_MADD(panel, a, a + o1, a + o2, a + o3);
  }
  if (contiguous) {
    int shift = offsets[0];
    add8(d0 + shift, c0l, c0h);
    if (mr > 1) add8(d1 + shift, c1l, c1h);
    if (mr > 2) add8(d2 + shift, c2l, c2h);
    if (mr > 3) add8(d3 + shift, c3l, c3h);
    return;
  }
  TILE_STORE_EDGE(edge);
  for (int col = 0; col < nr; col++) {
    int shift = offsets[col];
    d0[shift] += edge[col];
    if (mr > 1) d1[shift] += edge[NR + col];
    if (mr > 2) d2[shift] += edge[2 * NR + col];
    if (mr > 3) d3[shift] += edge[3 * NR + col];
  }
}

// Moves (b, y, x) to the next output position of a block of out_h x out_w images, row-major.
#define NEXT_POSITION(b, y, x) \
  do {                         \
    if (++(x) == out_w) {      \
      (x) = 0;                 \
      if (++(y) == out_h) {    \
        (y) = 0;               \
        (b)++;                 \
      }                        \
    }                          \
  } while (0)

// Offset in the block's (padded) dx of the window origin of output position (b, y, x).
#define ORIGIN(b, y, x) ((((b) * hp + (y) * stride_h) * wp + (x) * stride_w) * in_c)

// Panels of one group: the tiles of a group of output positions run over these panels before moving
// on, so the group's panels should stay in L1 (24 KiB).
static int group_panels(int out_c) {
  int group = out_c > 0 ? 24 * 1024 / (4 * NR * out_c) : 1;
  return group < 1 ? 1 : group;
}

void conv2d_backprop_input(const float *dy, const float *w, float *dx, int batch, int in_h, int in_w, int in_c,
                           int out_h, int out_w, int out_c, int filter_h, int filter_w, int stride_h, int stride_w,
                           int dilation_h, int dilation_w, int pad_top, int pad_left, float *scratch) {
  if (out_h == 0 || out_w == 0) {
    __builtin_memset(dx, 0, (unsigned long)batch * in_h * in_w * in_c * sizeof(float));
    return;
  }
  int ext_h = (out_h - 1) * stride_h + (filter_h - 1) * dilation_h + 1;
  int ext_w = (out_w - 1) * stride_w + (filter_w - 1) * dilation_w + 1;
  int padded = conv2d_needs_padding(in_h, in_w, ext_h, ext_w, pad_top, pad_left);
  int hp = padded ? ext_h : in_h;
  int wp = padded ? ext_w : in_w;
  int n = filter_h * filter_w * in_c;
  int panels = (n + NR - 1) / NR;
  int block = block_images(batch, out_h * out_w * out_c + hp * wp * in_c);
  float *packed = scratch;
  int *offsets = (int *)(packed + panels * out_c * NR);
  float *dxpad = (float *)(offsets + panels * NR);
  float *edge = dxpad + (padded ? block * hp * wp * in_c : 0);
  for (int p = 0; p < panels; p++) pack_filter(w, n, out_c, p * NR, packed + p * out_c * NR);
  // Column (fh, fw, ci) of wᵀ lands at this offset from a window's origin in dx; past n, offset 0.
  for (int c = 0; c < panels * NR; c++) {
    int cell = c / in_c;
    offsets[c] = c < n ? ((cell / filter_w) * dilation_h * wp + (cell % filter_w) * dilation_w) * in_c + c % in_c : 0;
  }
  int group = group_panels(out_c);
  for (int b0 = 0; b0 < batch; b0 += block) {
    int images = batch - b0 < block ? batch - b0 : block;
    float *dxb = dx + b0 * in_h * in_w * in_c;
    float *target = padded ? dxpad : dxb;
    __builtin_memset(target, 0, (unsigned long)images * hp * wp * in_c * sizeof(float));
    const float *dyb = dy + b0 * out_h * out_w * out_c;
    int positions = images * out_h * out_w;
    for (int p0 = 0; p0 < panels; p0 += group) {
      int p1 = panels - p0 < group ? panels : p0 + group;
      int b = 0, y = 0, x = 0;
      for (int q = 0; q < positions; q += MR) {
        int mr = positions - q < MR ? positions - q : MR;
        float *d0 = target + ORIGIN(b, y, x);
        NEXT_POSITION(b, y, x);
        float *d1 = target + ORIGIN(b, y, x);
        NEXT_POSITION(b, y, x);
        float *d2 = target + ORIGIN(b, y, x);
        NEXT_POSITION(b, y, x);
        float *d3 = target + ORIGIN(b, y, x);
        NEXT_POSITION(b, y, x);
        for (int p = p0; p < p1; p++) {
          int nr = n - p * NR < NR ? n - p * NR : NR;
          int contiguous = nr == NR && (p * NR) % in_c + NR <= in_c;
          tile(mr, nr, dyb + q * out_c, packed + p * out_c * NR, out_c, d0, d1, d2, d3, offsets + p * NR, contiguous,
               edge);
        }
      }
    }
    if (padded) conv2d_pad_images(dxpad, images, hp, wp, in_c, -pad_top, -pad_left, in_h, in_w, dxb);
  }
}

int conv2d_backprop_input_scratch_floats(int batch, int in_h, int in_w, int in_c, int out_h, int out_w, int out_c,
                                         int filter_h, int filter_w, int stride_h, int stride_w, int dilation_h,
                                         int dilation_w, int pad_top, int pad_left) {
  if (out_h == 0 || out_w == 0) return 0;
  int ext_h = (out_h - 1) * stride_h + (filter_h - 1) * dilation_h + 1;
  int ext_w = (out_w - 1) * stride_w + (filter_w - 1) * dilation_w + 1;
  int padded = conv2d_needs_padding(in_h, in_w, ext_h, ext_w, pad_top, pad_left);
  int hp = padded ? ext_h : in_h;
  int wp = padded ? ext_w : in_w;
  int panels = (filter_h * filter_w * in_c + NR - 1) / NR;
  int block = block_images(batch, out_h * out_w * out_c + hp * wp * in_c);
  return panels * out_c * NR + panels * NR + (padded ? block * hp * wp * in_c : 0) + MR * NR;
}
