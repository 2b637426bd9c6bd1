// Conv2D by im2col + cuBLAS GEMM (NHWC). im2col writes one row per output pixel and one column per
// (filterRow, filterCol, inChannel), matching the [fh, fw, inC, outC] filter read as a [K, outC] matrix,
// so the GEMM's [pixels, outC] result is already NHWC. col2im is the adjoint for Conv2DBackpropInput;
// it gathers rather than scatters, so it needs no atomics and is deterministic.
#include "common.cuh"

namespace strata {

__global__ void im2colKernel(const float* x, float* cols, StrataConvGeometry g, int64_t n) {
  const int64_t k = (int64_t)g.filterH * g.filterW * g.inC;
  STRATA_GRID_STRIDE(i, n) {
    int64_t row = i / k, col = i % k;
    int c = col % g.inC;
    int kw = (col / g.inC) % g.filterW;
    int kh = col / ((int64_t)g.inC * g.filterW);
    int ow = row % g.outW;
    int oh = (row / g.outW) % g.outH;
    int64_t b = row / ((int64_t)g.outW * g.outH);
    int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
    int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
    bool inside = ih >= 0 && ih < g.inH && iw >= 0 && iw < g.inW;
    cols[i] = inside ? x[((b * g.inH + ih) * g.inW + iw) * g.inC + c] : 0.0f;
  }
}

__global__ void col2imKernel(const float* cols, float* dx, StrataConvGeometry g, int64_t n) {
  const int64_t k = (int64_t)g.filterH * g.filterW * g.inC;
  STRATA_GRID_STRIDE(i, n) {
    int c = i % g.inC;
    int iw = (i / g.inC) % g.inW;
    int ih = (i / ((int64_t)g.inC * g.inW)) % g.inH;
    int64_t b = i / ((int64_t)g.inC * g.inW * g.inH);
    float sum = 0.0f;
    for (int kh = 0; kh < g.filterH; ++kh) {
      int hNum = ih + g.padTop - kh * g.dilationH;
      if (hNum < 0 || hNum % g.strideH != 0) continue;
      int oh = hNum / g.strideH;
      if (oh >= g.outH) continue;
      for (int kw = 0; kw < g.filterW; ++kw) {
        int wNum = iw + g.padLeft - kw * g.dilationW;
        if (wNum < 0 || wNum % g.strideW != 0) continue;
        int ow = wNum / g.strideW;
        if (ow >= g.outW) continue;
        int64_t row = (b * g.outH + oh) * g.outW + ow;
        sum += cols[row * k + ((int64_t)kh * g.filterW + kw) * g.inC + c];
      }
    }
    dx[i] = sum;
  }
}

}  // namespace strata

using namespace strata;

extern "C" int strata_im2col(const float* x, float* cols, const StrataConvGeometry* g) {
  int64_t n = (int64_t)g->batch * g->outH * g->outW * g->filterH * g->filterW * g->inC;
  if (n == 0) return cudaSuccess;
  im2colKernel<<<blocksFor(n), kThreads, 0, stream()>>>(x, cols, *g, n);
  return launchStatus();
}

extern "C" int strata_col2im(const float* cols, float* dx, const StrataConvGeometry* g) {
  int64_t n = (int64_t)g->batch * g->inH * g->inW * g->inC;
  if (n == 0) return cudaSuccess;
  col2imKernel<<<blocksFor(n), kThreads, 0, stream()>>>(cols, dx, *g, n);
  return launchStatus();
}
