// Filter gradient of a 2-D convolution in WebAssembly SIMD, as an implicit matrix product: dw is
// [fh·fw·ci, co], and row r = (fh, fw, ci) of it is the sum, over output positions, of one input value
// (at a fixed offset from the position's window origin) times the position's row of dy. So a 4 x 8 tile
// of dw (4 consecutive rows, each with its own offset into x; 8 output channels in 8 registers) walks
// all output positions with the same address steps for its 4 rows, and no im2col matrix is built.
// The batch is walked a block of images at a time, sized so that the block's x and dy stay in L2 while
// every tile of dw passes over them; dw is loaded and stored once per tile per block. dy's 8-channel
// columns are first copied into contiguous panels, so that the walk reads them sequentially.
#include <wasm_simd128.h>
#include "tile.h"
#include "conv2d_backprop_filter.h"
#include "conv2d_pad.h"

#define MR 4
#define NR 8
// Bytes of x and packed dy that one block of images may occupy: well inside a 1 MiB L2 (on the CNN's layers,
// 160 KiB to 768 KiB measured within noise of each other).
#define BLOCK_BYTES (384 * 1024)

// Images per block: as many as fit BLOCK_BYTES with their x (padded or not) and packed dy, at least one.
static int block_images(int batch, int x_floats, int dy_floats) {
  int per_image = 4 * (x_floats + dy_floats);
  int block = per_image > 0 ? BLOCK_BYTES / per_image : batch;
  if (block < 1) block = 1;
  return block < batch ? block : batch;
}

// Copies channels [j, j + nr) of `positions` rows of dy (row stride out_c) into `panel` as rows of 8,
// zero-padded.
static void pack_dy(const float *dy, int out_c, int positions, int j, int nr, float *panel) {
  const float *src = dy + j;
  if (nr == NR) {
    for (int k = 0; k < positions; k++, src += out_c, panel += NR) {
      wasm_v128_store(panel, wasm_v128_load(src));
      wasm_v128_store(panel + 4, wasm_v128_load(src + 4));
    }
    return;
  }
  for (int k = 0; k < positions; k++, src += out_c, panel += NR) {
    int c = 0;
    for (; c < nr; c++) panel[c] = src[c];
    for (; c < NR; c++) panel[c] = 0.0f;
  }
}

// One 4 x 8 tile of dw (mr rows of it real, nr columns) over the positions of `images` images: row i
// reads x at a + oi (o0 = 0) for each position, where a starts at the tile's first row's window cell and
// steps by step_x along an output row, row_x between output rows and image_x between images. Rows past
// mr repeat row 0 and are not stored; columns past nr go through `edge`. `start_from_c` says whether the
// sums start from dw or from zero.
static void tile(int mr, int nr, const float *a, int o1, int o2, int o3, const float *panel, int images, int out_h,
                 int out_w, int step_x, int row_x, int image_x, float *c, int ldc, int start_from_c, float *edge) {
  float *dst = c;
  int ld = ldc;
  if (nr < NR) {
    for (int r = 0; r < mr; r++)
      for (int col = 0; col < NR; col++) edge[r * NR + col] = (start_from_c && col < nr) ? c[r * ldc + col] : 0.0f;
    dst = edge;
    ld = NR;
  }
  float *d0 = dst;
  float *d1 = dst + (mr > 1 ? ld : 0);
  float *d2 = dst + (mr > 2 ? 2 * ld : 0);
  float *d3 = dst + (mr > 3 ? 3 * ld : 0);
  TILE_ZERO();
  if (start_from_c) TILE_LOAD(d0, d1, d2, d3);
  for (int b = 0; b < images; b++) {
    for (int oy = 0; oy < out_h; oy++) {
      const float *x = a + b * image_x + oy * row_x;
      for (int ox = 0; ox < out_w; ox++, x += step_x, panel += NR) {
        TILE_MADD(panel, x, x + o1, x + o2, x + o3);
      }
    }
  }
  // Stored last row first, so that a repeated row pointer ends with row 0's values.
  if (mr > 3) { wasm_v128_store(d3, c3l); wasm_v128_store(d3 + 4, c3h); }
  if (mr > 2) { wasm_v128_store(d2, c2l); wasm_v128_store(d2 + 4, c2h); }
  if (mr > 1) { wasm_v128_store(d1, c1l); wasm_v128_store(d1 + 4, c1h); }
  wasm_v128_store(d0, c0l);
  wasm_v128_store(d0 + 4, c0h);
  if (nr < NR)
    for (int r = 0; r < mr; r++)
      for (int col = 0; col < nr; col++) c[r * ldc + col] = edge[r * NR + col];
}

// Offset in the (padded) input image of row r = (fh, fw, ci) of dw's window cell.
static int row_offset(int r, int in_c, int filter_w, int dilation_h, int dilation_w, int wp) {
  int fh = r / (filter_w * in_c);
  int fw = (r / in_c) % filter_w;
  int ci = r % in_c;
  return ((fh * dilation_h) * wp + fw * dilation_w) * in_c + ci;
}

void conv2d_backprop_filter(const float *x, const float *dy, float *dw, int batch, int in_h, int in_w, int in_c,
                            int out_h, int out_w, int out_c, int filter_h, int filter_w, int stride_h, int stride_w,
                            int dilation_h, int dilation_w, int pad_top, int pad_left, float *scratch) {
  int rows = filter_h * filter_w * in_c;
  int positions = out_h * out_w;
  if (batch == 0 || positions == 0) {
    __builtin_memset(dw, 0, (unsigned long)rows * out_c * sizeof(float));
    return;
  }
  int ext_h = (out_h - 1) * stride_h + (filter_h - 1) * dilation_h + 1;
  int ext_w = (out_w - 1) * stride_w + (filter_w - 1) * dilation_w + 1;
  int padded = conv2d_needs_padding(in_h, in_w, ext_h, ext_w, pad_top, pad_left);
  int hp = padded ? ext_h : in_h;
  int wp = padded ? ext_w : in_w;
  int panels = (out_c + NR - 1) / NR;
  int block = block_images(batch, hp * wp * in_c, positions * panels * NR);
  float *xpad = scratch;
  float *packed = scratch + (padded ? block * hp * wp * in_c : 0);
  float *edge = packed + block * positions * panels * NR;
  int step_x = stride_w * in_c;
  int row_x = stride_h * wp * in_c;
  int image_x = hp * wp * in_c;
  for (int b0 = 0; b0 < batch; b0 += block) {
    int images = batch - b0 < block ? batch - b0 : block;
    const float *xb = x + b0 * in_h * in_w * in_c;
    if (padded) {
      conv2d_pad_images(xb, images, in_h, in_w, in_c, pad_top, pad_left, hp, wp, xpad);
      xb = xpad;
    }
    int kc = images * positions;
    for (int p = 0; p < panels; p++) {
      int nr = out_c - p * NR < NR ? out_c - p * NR : NR;
      pack_dy(dy + b0 * positions * out_c, out_c, kc, p * NR, nr, packed + p * kc * NR);
    }
    for (int p = 0; p < panels; p++) {
      int nr = out_c - p * NR < NR ? out_c - p * NR : NR;
      const float *panel = packed + p * kc * NR;
      for (int r = 0; r < rows; r += MR) {
        int mr = rows - r < MR ? rows - r : MR;
        int off = row_offset(r, in_c, filter_w, dilation_h, dilation_w, wp);
        int o1 = mr > 1 ? row_offset(r + 1, in_c, filter_w, dilation_h, dilation_w, wp) - off : 0;
        int o2 = mr > 2 ? row_offset(r + 2, in_c, filter_w, dilation_h, dilation_w, wp) - off : 0;
        int o3 = mr > 3 ? row_offset(r + 3, in_c, filter_w, dilation_h, dilation_w, wp) - off : 0;
        tile(mr, nr, xb + off, o1, o2, o3, panel, images, out_h, out_w, step_x, row_x, image_x, dw + r * out_c + p * NR,
             out_c, b0 > 0, edge);
      }
    }
  }
}

int conv2d_backprop_filter_scratch_floats(int batch, int in_h, int in_w, int in_c, int out_h, int out_w, int out_c,
                                          int filter_h, int filter_w, int stride_h, int stride_w, int dilation_h,
                                          int dilation_w, int pad_top, int pad_left) {
  int positions = out_h * out_w;
  if (batch == 0 || positions == 0) return 0;
  int ext_h = (out_h - 1) * stride_h + (filter_h - 1) * dilation_h + 1;
  int ext_w = (out_w - 1) * stride_w + (filter_w - 1) * dilation_w + 1;
  int padded = conv2d_needs_padding(in_h, in_w, ext_h, ext_w, pad_top, pad_left);
  int hp = padded ? ext_h : in_h;
  int wp = padded ? ext_w : in_w;
  int panels = (out_c + NR - 1) / NR;
  int block = block_images(batch, hp * wp * in_c, positions * panels * NR);
  return (padded ? block * hp * wp * in_c : 0) + block * positions * panels * NR + MR * NR;
}
