// MaxPool / AvgPool (NHWC) and their gradients. Windows clipped by padding count only the pixels
// inside the image. Both gradients gather over the windows that cover an input pixel, so they need no
// atomics; MaxPoolGrad recomputes each window's first maximum, as tfjs-core picks it.
#include <cfloat>
#include "common.cuh"

namespace strata {

// The first (row-major) position of the window's maximum, -1 if the window holds no pixel.
__device__ __forceinline__ int64_t windowArgMax(const float* x, const StrataConvGeometry& g, int64_t b, int oh, int ow,
                                                int c) {
  int64_t best = -1;
  float bestValue = -INFINITY;
  for (int kh = 0; kh < g.filterH; ++kh) {
    int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
    if (ih < 0 || ih >= g.inH) continue;
    for (int kw = 0; kw < g.filterW; ++kw) {
      int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
      if (iw < 0 || iw >= g.inW) continue;
      int64_t at = ((b * g.inH + ih) * g.inW + iw) * g.inC + c;
      if (best < 0 || x[at] > bestValue) {
        best = at;
        bestValue = x[at];
      }
    }
  }
  return best;
}

__device__ __forceinline__ int windowCount(const StrataConvGeometry& g, int oh, int ow) {
  int count = 0;
  for (int kh = 0; kh < g.filterH; ++kh) {
    int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
    for (int kw = 0; kw < g.filterW; ++kw) {
      int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
      count += ih >= 0 && ih < g.inH && iw >= 0 && iw < g.inW;
    }
  }
  return count;
}

__global__ void maxPoolKernel(const float* x, float* y, StrataConvGeometry g, int64_t n) {
  STRATA_GRID_STRIDE(i, n) {
    int c = i % g.inC;
    int ow = (i / g.inC) % g.outW;
    int oh = (i / ((int64_t)g.inC * g.outW)) % g.outH;
    int64_t b = i / ((int64_t)g.inC * g.outW * g.outH);
    int64_t at = windowArgMax(x, g, b, oh, ow, c);
    y[i] = at < 0 ? 0.0f : x[at];
  }
}

__global__ void avgPoolKernel(const float* x, float* y, StrataConvGeometry g, int64_t n) {
  STRATA_GRID_STRIDE(i, n) {
    int c = i % g.inC;
    int ow = (i / g.inC) % g.outW;
    int oh = (i / ((int64_t)g.inC * g.outW)) % g.outH;
    int64_t b = i / ((int64_t)g.inC * g.outW * g.outH);
    float sum = 0.0f;
    for (int kh = 0; kh < g.filterH; ++kh) {
      int ih = oh * g.strideH - g.padTop + kh * g.dilationH;
      if (ih < 0 || ih >= g.inH) continue;
      for (int kw = 0; kw < g.filterW; ++kw) {
        int iw = ow * g.strideW - g.padLeft + kw * g.dilationW;
        if (iw < 0 || iw >= g.inW) continue;
        sum += x[((b * g.inH + ih) * g.inW + iw) * g.inC + c];
      }
    }
    int count = windowCount(g, oh, ow);
    y[i] = count > 0 ? sum / count : 0.0f;
  }
}

// The output rows/cols whose window can reach input row ih: oh with oh*stride - pad + kh*dil == ih.
template <typename Visit>
__device__ __forceinline__ void forEachCoveringWindow(const StrataConvGeometry& g, int ih, int iw, Visit visit) {
  for (int kh = 0; kh < g.filterH; ++kh) {
    int hNum = ih + g.padTop - kh * g.dilationH;
    if (hNum < 0 || hNum % g.strideH != 0 || hNum / g.strideH >= g.outH) continue;
    for (int kw = 0; kw < g.filterW; ++kw) {
      int wNum = iw + g.padLeft - kw * g.dilationW;
      if (wNum < 0 || wNum % g.strideW != 0 || wNum / g.strideW >= g.outW) continue;
      visit(hNum / g.strideH, wNum / g.strideW);
    }
  }
}

__global__ void maxPoolGradKernel(const float* dy, const float* x, float* dx, StrataConvGeometry g, int64_t n) {
  STRATA_GRID_STRIDE(i, n) {
    int c = i % g.inC;
    int iw = (i / g.inC) % g.inW;
    int ih = (i / ((int64_t)g.inC * g.inW)) % g.inH;
    int64_t b = i / ((int64_t)g.inC * g.inW * g.inH);
    float sum = 0.0f;
    forEachCoveringWindow(g, ih, iw, [&](int oh, int ow) {
      if (windowArgMax(x, g, b, oh, ow, c) == i) sum += dy[((b * g.outH + oh) * g.outW + ow) * g.inC + c];
    });
    dx[i] = sum;
  }
}

__global__ void avgPoolGradKernel(const float* dy, float* dx, StrataConvGeometry g, int64_t n) {
  STRATA_GRID_STRIDE(i, n) {
    int c = i % g.inC;
    int iw = (i / g.inC) % g.inW;
    int ih = (i / ((int64_t)g.inC * g.inW)) % g.inH;
    int64_t b = i / ((int64_t)g.inC * g.inW * g.inH);
    float sum = 0.0f;
    forEachCoveringWindow(g, ih, iw, [&](int oh, int ow) {
      sum += dy[((b * g.outH + oh) * g.outW + ow) * g.inC + c] / windowCount(g, oh, ow);
    });
    dx[i] = sum;
  }
}

}  // namespace strata

using namespace strata;

namespace {
int64_t outputSize(const StrataConvGeometry* g) { return (int64_t)g->batch * g->outH * g->outW * g->inC; }
int64_t inputSize(const StrataConvGeometry* g) { return (int64_t)g->batch * g->inH * g->inW * g->inC; }
}  // namespace

extern "C" int strata_max_pool(const float* x, float* y, const StrataConvGeometry* g) {
  int64_t n = outputSize(g);
  if (n == 0) return cudaSuccess;
  maxPoolKernel<<<blocksFor(n), kThreads, 0, stream()>>>(x, y, *g, n);
  return launchStatus();
}

extern "C" int strata_max_pool_grad(const float* dy, const float* x, float* dx, const StrataConvGeometry* g) {
  int64_t n = inputSize(g);
  if (n == 0) return cudaSuccess;
  maxPoolGradKernel<<<blocksFor(n), kThreads, 0, stream()>>>(dy, x, dx, *g, n);
  return launchStatus();
}

extern "C" int strata_avg_pool(const float* x, float* y, const StrataConvGeometry* g) {
  int64_t n = outputSize(g);
  if (n == 0) return cudaSuccess;
  avgPoolKernel<<<blocksFor(n), kThreads, 0, stream()>>>(x, y, *g, n);
  return launchStatus();
}

extern "C" int strata_avg_pool_grad(const float* dy, float* dx, const StrataConvGeometry* g) {
  int64_t n = inputSize(g);
  if (n == 0) return cudaSuccess;
  avgPoolGradKernel<<<blocksFor(n), kThreads, 0, stream()>>>(dy, dx, *g, n);
  return launchStatus();
}
