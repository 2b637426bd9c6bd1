// Forward pass of a 2-D convolution in WebAssembly SIMD, as an implicit matrix product: y is
// [positions, co] = windows[positions, (fh, fw, ci)] · w[(fh, fw, ci), co], and a window's row is read
// straight from x (cell by cell, its in_c channels contiguous), so no im2col matrix is built. A 4 x 8 tile
// of y (4 consecutive output positions, each with its own window origin in x; 8 output channels in 8
// registers) walks k = (fh, fw, ci) with one 8-wide row of the packed filter per step. The filter is
// copied once per call into panels of 8 columns. The batch is walked a block of images at a time, small
// enough that the block's x stays in L2 while every panel passes over it; where windows reach outside
// the input (padding, or a 'same' remainder), the block is first copied into a zero-padded scratch copy.
#include <wasm_simd128.h>
#include "tile.h"
#include "conv2d_forward.h"
#include "conv2d_pad.h"

#define MR 4
#define NR 8
// Bytes of x that one block of images may occupy: well inside a 1 MiB L2, next to the packed filter.
#define BLOCK_BYTES (256 * 1024)
// Bytes of packed filter a group of panels may occupy: the tiles of a group of positions run over the
// group's panels before moving on, so the group should stay in L1.
#define GROUP_BYTES (24 * 1024)

static int block_images(int batch, int image_floats) {
  int block = image_floats > 0 ? BLOCK_BYTES / (4 * image_floats) : batch;
  if (block < 1) block = 1;
  return block < batch ? block : batch;
}

// Copies columns [j, j + nr) of the [k, out_c] filter into `panel` as k rows of 8, zero-padded.
static void pack_filter(const float *w, int k, int out_c, int j, int nr, float *panel) {
  const float *src = w + j;
  for (int r = 0; r < k; r++, src += out_c, panel += NR) {
    int c = 0;
    for (; c < nr; c++) panel[c] = src[c];
    for (; c < NR; c++) panel[c] = 0.0f;
  }
}

// One 4 x 8 tile of y: the windows whose origins in x are x0..x3 (rows past mr repeat x0 and are not
// stored) times one panel of nr (<= 8) output channels. Window cell i lies at cell_off[i] from the origin
// and holds in_c contiguous channels. Columns past nr go through `edge`. Inlined with in_c = 1 for the
// first layer of a network, whose window rows are one value per cell.
static inline __attribute__((always_inline)) void tile(int mr, int nr, const float *x0, const float *x1,
                                                      const float *x2, const float *x3, const int *cell_off,
                                                      int cells, int in_c, const float *panel, float *y, int ldy,
                                                      float *edge) {
  TILE_ZERO();
  for (int cell = 0; cell < cells; cell++) {
    int off = cell_off[cell];
    const float *a0 = x0 + off, *a1 = x1 + off, *a2 = x2 + off, *a3 = x3 + off;
    for (int ci = 0; ci < in_c; ci++, panel += NR) {
      TILE_MADD(panel, a0 + ci, a1 + ci, a2 + ci, a3 + ci);
    }
  }
  if (nr == NR) {
    wasm_v128_store(y, c0l);
    wasm_v128_store(y + 4, c0h);
    if (mr > 1) { wasm_v128_store(y + ldy, c1l); wasm_v128_store(y + ldy + 4, c1h); }
    if (mr > 2) { wasm_v128_store(y + 2 * ldy, c2l); wasm_v128_store(y + 2 * ldy + 4, c2h); }
    if (mr > 3) { wasm_v128_store(y + 3 * ldy, c3l); wasm_v128_store(y + 3 * ldy + 4, c3h); }
    return;
  }
  TILE_STORE_EDGE(edge);
  for (int r = 0; r < mr; r++)
    for (int col = 0; col < nr; col++) y[r * ldy + col] = edge[r * NR + col];
}

// Moves (b, oy, ox) to the next output position of a block of out_h x out_w images, row-major.
#define NEXT_POSITION(b, oy, ox) \
  do {                           \
    if (++(ox) == out_w) {       \
      (ox) = 0;                  \
      if (++(oy) == out_h) {     \
        (oy) = 0;                \
        (b)++;                   \
      }                          \
    }                            \
  } while (0)

// The window origin in the block's (padded) x of output position (b, oy, ox).
#define ORIGIN(b, oy, ox) (xb + (((b) * hp + (oy) * stride_h) * wp + (ox) * stride_w) * in_c)

void conv2d_forward(const float *x, const float *w, float *y, int batch, int in_h, int in_w, int in_c, int out_h,
                    int out_w, int out_c, int filter_h, int filter_w, int stride_h, int stride_w, int dilation_h,
                    int dilation_w, int pad_top, int pad_left, float *scratch) {
  int positions = out_h * out_w;
  if (batch == 0 || positions == 0 || out_c == 0) return;
  int cells = filter_h * filter_w;
  int k = cells * in_c;
  if (k == 0) {
    __builtin_memset(y, 0, (unsigned long)batch * positions * out_c * sizeof(float));
    return;
  }
  int ext_h = (out_h - 1) * stride_h + (filter_h - 1) * dilation_h + 1;
  int ext_w = (out_w - 1) * stride_w + (filter_w - 1) * dilation_w + 1;
  int padded = conv2d_needs_padding(in_h, in_w, ext_h, ext_w, pad_top, pad_left);
  int hp = padded ? ext_h : in_h;
  int wp = padded ? ext_w : in_w;
  int panels = (out_c + NR - 1) / NR;
  int block = block_images(batch, hp * wp * in_c);
  float *packed = scratch;
  int *cell_off = (int *)(packed + panels * k * NR);
  float *edge = (float *)(cell_off + cells);
  float *xpad = edge + MR * NR;
  for (int p = 0; p < panels; p++) {
    int nr = out_c - p * NR < NR ? out_c - p * NR : NR;
    pack_filter(w, k, out_c, p * NR, nr, packed + p * k * NR);
  }
  for (int cell = 0; cell < cells; cell++)
    cell_off[cell] = ((cell / filter_w) * dilation_h * wp + (cell % filter_w) * dilation_w) * in_c;
  int group = GROUP_BYTES / (4 * NR * k);
  if (group < 1) group = 1;
  for (int b0 = 0; b0 < batch; b0 += block) {
    int images = batch - b0 < block ? batch - b0 : block;
    const float *xb = x + b0 * in_h * in_w * in_c;
    if (padded) {
      conv2d_pad_images(xb, images, in_h, in_w, in_c, pad_top, pad_left, hp, wp, xpad);
      xb = xpad;
    }
    float *yb = y + b0 * positions * out_c;
    int count = images * positions;
    for (int p0 = 0; p0 < panels; p0 += group) {
      int p1 = panels - p0 < group ? panels : p0 + group;
      int b = 0, oy = 0, ox = 0;
      for (int q = 0; q < count; q += MR) {
        int mr = count - q < MR ? count - q : MR;
        const float *x0 = ORIGIN(b, oy, ox);
        NEXT_POSITION(b, oy, ox);
        const float *x1 = mr > 1 ? ORIGIN(b, oy, ox) : x0;
        NEXT_POSITION(b, oy, ox);
        const float *x2 = mr > 2 ? ORIGIN(b, oy, ox) : x0;
        NEXT_POSITION(b, oy, ox);
        const float *x3 = mr > 3 ? ORIGIN(b, oy, ox) : x0;
        NEXT_POSITION(b, oy, ox);
        for (int p = p0; p < p1; p++) {
          int nr = out_c - p * NR < NR ? out_c - p * NR : NR;
          const float *panel = packed + p * k * NR;
          float *yt = yb + q * out_c + p * NR;
          if (in_c == 1)
            tile(mr, nr, x0, x1, x2, x3, cell_off, cells, 1, panel, yt, out_c, edge);
          else
            tile(mr, nr, x0, x1, x2, x3, cell_off, cells, in_c, panel, yt, out_c, edge);
        }
      }
    }
  }
}

int conv2d_forward_scratch_floats(int batch, int in_h, int in_w, int in_c, int out_h, int out_w, int out_c,
                                  int filter_h, int filter_w, int stride_h, int stride_w, int dilation_h,
                                  int dilation_w, int pad_top, int pad_left) {
  if (batch == 0 || out_h == 0 || out_w == 0 || out_c == 0) return 0;
  int ext_h = (out_h - 1) * stride_h + (filter_h - 1) * dilation_h + 1;
  int ext_w = (out_w - 1) * stride_w + (filter_w - 1) * dilation_w + 1;
  int padded = conv2d_needs_padding(in_h, in_w, ext_h, ext_w, pad_top, pad_left);
  int hp = padded ? ext_h : in_h;
  int wp = padded ? ext_w : in_w;
  int cells = filter_h * filter_w;
  int panels = (out_c + NR - 1) / NR;
  int block = block_images(batch, hp * wp * in_c);
  return panels * cells * in_c * NR + cells + MR * NR + (padded ? block * hp * wp * in_c : 0);
}
