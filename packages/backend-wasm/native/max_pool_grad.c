// Gradient of a 2-D max pool over NHWC tensors: each output gradient goes to the first largest input of its
// window in row-major order (a strictly larger input replaces the maximum, so ties keep the earlier
// position and NaN never wins), and overlapping windows add up. A window whose inputs are all -inf or NaN
// passes nothing on.
//
// The windows of one output row are pooled together, input row by input row, so that the input and the
// gradient are walked in memory order: walking window by window instead reads two or more input rows
// interleaved, and measured ~3x slower on a [128, 26, 26, 64] input than this once it no longer fits in cache.
// Per window and channel, the running maximum and the index of its position in the window live in
// `best` and `where` (scratch, one entry per output column and channel); channels are innermost, so four
// are compared at a time (f32x4 compare, bitselect). The second pass adds dy to the lanes whose index
// matches the position, so no lane needs a scalar scatter. Each input row's gradient is zeroed just before
// its first use, while it stays in cache (zeroing each image up front cost ~1.5 ms more on that input).
#include <wasm_simd128.h>
#include "max_pool_grad.h"

#define NEG_INF (-__builtin_inff())

// Zeroes n floats (memory.fill under bulk memory).
static inline void zero(float *p, int n) { __builtin_memset(p, 0, (unsigned long)n * sizeof(float)); }

// Passes the window's gradient g on to columns [w0, w1) of one dx row `dr`: a lane gets it where the index
// of its window maximum, `where`, equals the position's index, `k0 + iw`. Adds when windows overlap, else
// stores (inlined with `accumulate` constant, so the loop has no branch).
static inline void spread(float *dr, const int *where, const float *g, int channels, int k0, int w0, int w1, int accumulate) {
  // Stores add to zero too: a gradient of -0 then lands as +0, as it does when added onto a zeroed dx.
  const v128_t zero4 = wasm_f32x4_splat(0.0f);
  for (int iw = w0; iw < w1; iw++) {
    const v128_t kv = wasm_i32x4_splat(k0 + iw);
    float *q = dr + iw * channels;
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      const v128_t share = wasm_v128_and(wasm_v128_load(g + c), wasm_i32x4_eq(wasm_v128_load(where + c), kv));
      wasm_v128_store(q + c, wasm_f32x4_add(accumulate ? wasm_v128_load(q + c) : zero4, share));
    }
    for (; c < channels; c++) {
      const float share = where[c] == k0 + iw ? g[c] : 0.0f;
      q[c] = (accumulate ? q[c] : 0.0f) + share;
    }
  }
}

void max_pool_grad(const float *x, const float *dy, float *dx, int batch, int in_h, int in_w, int channels, int out_h,
                   int out_w, int filter_h, int filter_w, int stride_h, int stride_w, int pad_top, int pad_left,
                   float *best, int *where) {
  const int row = in_w * channels;
  const int image = in_h * row;
  // Without overlap every input position lies in at most one window: its gradient is stored, not added,
  // and only positions outside all windows need zeroing.
  const int overlap = filter_h > stride_h || filter_w > stride_w;
  for (int b = 0; b < batch; b++) {
    const float *xb = x + b * image;
    float *dxb = dx + b * image;
    int zeroed = 0;  // rows [0, zeroed) of dxb are zeroed
    for (int oh = 0; oh < out_h; oh++) {
      const int top = oh * stride_h - pad_top;
      const int h0 = top > 0 ? top : 0;
      const int h1 = top + filter_h < in_h ? top + filter_h : in_h;
      const float *g = dy + (b * out_h + oh) * out_w * channels;
      for (int i = 0; i < out_w * channels; i++) {
        best[i] = NEG_INF;
        where[i] = -1;
      }
      for (int ih = h0; ih < h1; ih++) {
        const float *xr = xb + ih * row;
        for (int ow = 0; ow < out_w; ow++) {
          const int left = ow * stride_w - pad_left;
          const int w0 = left > 0 ? left : 0;
          const int w1 = left + filter_w < in_w ? left + filter_w : in_w;
          float *bw = best + ow * channels;
          int *ww = where + ow * channels;
          for (int iw = w0; iw < w1; iw++) {
            // Row-major index of the position in the (unclipped) window.
            const int k = (ih - top) * filter_w + (iw - left);
            const v128_t kv = wasm_i32x4_splat(k);
            const float *p = xr + iw * channels;
            int c = 0;
            for (; c + 4 <= channels; c += 4) {
              const v128_t v = wasm_v128_load(p + c);
              const v128_t m = wasm_v128_load(bw + c);
              const v128_t larger = wasm_f32x4_gt(v, m);
              wasm_v128_store(bw + c, wasm_v128_bitselect(v, m, larger));
              wasm_v128_store(ww + c, wasm_v128_bitselect(kv, wasm_v128_load(ww + c), larger));
            }
            for (; c < channels; c++) {
              if (p[c] > bw[c]) {
                bw[c] = p[c];
                ww[c] = k;
              }
            }
          }
        }
      }
      if (overlap) {
        // Rows a window reaches first are zeroed before the windows add onto them.
        if (h1 > zeroed) zero(dxb + zeroed * row, (h1 - zeroed) * row);
      } else if (h0 > zeroed) {
        // Rows between windows.
        zero(dxb + zeroed * row, (h0 - zeroed) * row);
      }
      if (h1 > zeroed) zeroed = h1;
      for (int ih = h0; ih < h1; ih++) {
        float *dr = dxb + ih * row;
        int covered = 0;  // columns [0, covered) of this row are written
        for (int ow = 0; ow < out_w; ow++) {
          const int left = ow * stride_w - pad_left;
          const int w0 = left > 0 ? left : 0;
          const int w1 = left + filter_w < in_w ? left + filter_w : in_w;
          if (!overlap && w0 > covered) zero(dr + covered * channels, (w0 - covered) * channels);
          covered = w1;
          const int k0 = (ih - top) * filter_w - left;
          if (overlap) spread(dr, where + ow * channels, g + ow * channels, channels, k0, w0, w1, 1);
          else spread(dr, where + ow * channels, g + ow * channels, channels, k0, w0, w1, 0);
        }
        if (!overlap && in_w > covered) zero(dr + covered * channels, (in_w - covered) * channels);
      }
    }
    // Rows below the last window.
    if (in_h > zeroed) zero(dxb + zeroed * row, (in_h - zeroed) * row);
  }
}
