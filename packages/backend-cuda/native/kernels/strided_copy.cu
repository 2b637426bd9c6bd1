// One copy kernel for every op that moves elements without arithmetic: Transpose, Slice, StridedSlice,
// Reverse, BroadcastTo and Concat each describe themselves as a view (shape, source and destination
// strides and offsets). Elements are 4 bytes, so the copy is dtype-blind.
#include "common.cuh"

namespace strata {

__global__ void stridedCopyKernel(const uint32_t* src, uint32_t* dst, int64_t n, StrataStridedView v) {
  STRATA_GRID_STRIDE(i, n) {
    int64_t rest = i, s = v.srcOffset, d = v.dstOffset;
    for (int k = v.rank - 1; k >= 0; --k) {
      int64_t coord = rest % v.shape[k];
      rest /= v.shape[k];
      s += coord * v.srcStrides[k];
      d += coord * v.dstStrides[k];
    }
    dst[d] = src[s];
  }
}

struct Shapes {
  int64_t in[STRATA_MAX_RANK];
  int64_t out[STRATA_MAX_RANK];
  int64_t before[STRATA_MAX_RANK];
};

// Tile: output coordinate modulo the input extent on every axis.
__global__ void tileKernel(const uint32_t* x, uint32_t* y, int64_t n, int rank, Shapes s) {
  STRATA_GRID_STRIDE(i, n) {
    int64_t rest = i, src = 0, stride = 1;
    for (int k = rank - 1; k >= 0; --k) {
      int64_t coord = rest % s.out[k];
      rest /= s.out[k];
      src += (coord % s.in[k]) * stride;
      stride *= s.in[k];
    }
    y[i] = x[src];
  }
}

// Constant padding: output coordinates outside [before, before + in) take the pad value.
template <typename T>
__global__ void padKernel(const T* x, T* y, int64_t n, int rank, Shapes s, T value) {
  STRATA_GRID_STRIDE(i, n) {
    int64_t rest = i, src = 0, stride = 1;
    bool inside = true;
    for (int k = rank - 1; k >= 0; --k) {
      int64_t coord = rest % s.out[k] - s.before[k];
      rest /= s.out[k];
      inside = inside && coord >= 0 && coord < s.in[k];
      src += coord * stride;
      stride *= s.in[k];
    }
    y[i] = inside ? x[src] : value;
  }
}

int64_t product(int rank, const int64_t* shape) {
  int64_t n = 1;
  for (int k = 0; k < rank; ++k) n *= shape[k];
  return n;
}

}  // namespace strata

using namespace strata;

extern "C" int strata_strided_copy(const void* src, void* dst, const StrataStridedView* view) {
  if (view->rank > STRATA_MAX_RANK) return STRATA_BAD_RANK;
  int64_t n = product(view->rank, view->shape);
  if (n == 0) return cudaSuccess;
  stridedCopyKernel<<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<const uint32_t*>(src),
                                                             static_cast<uint32_t*>(dst), n, *view);
  return launchStatus();
}

extern "C" int strata_tile(const void* x, void* y, int rank, const int64_t* inShape, const int64_t* outShape) {
  if (rank > STRATA_MAX_RANK) return STRATA_BAD_RANK;
  Shapes s{};
  for (int k = 0; k < rank; ++k) {
    s.in[k] = inShape[k];
    s.out[k] = outShape[k];
  }
  int64_t n = product(rank, outShape);
  if (n == 0) return cudaSuccess;
  tileKernel<<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<const uint32_t*>(x), static_cast<uint32_t*>(y),
                                                      n, rank, s);
  return launchStatus();
}

extern "C" int strata_pad(int dtype, const void* x, void* y, int rank, const int64_t* inShape,
                          const int64_t* outShape, const int64_t* padBefore, double value) {
  if (rank > STRATA_MAX_RANK) return STRATA_BAD_RANK;
  Shapes s{};
  for (int k = 0; k < rank; ++k) {
    s.in[k] = inShape[k];
    s.out[k] = outShape[k];
    s.before[k] = padBefore[k];
  }
  int64_t n = product(rank, outShape);
  if (n == 0) return cudaSuccess;
  if (dtype == STRATA_F32) {
    padKernel<float><<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<const float*>(x), static_cast<float*>(y),
                                                              n, rank, s, static_cast<float>(value));
  } else if (dtype == STRATA_I32) {
    padKernel<int32_t><<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<const int32_t*>(x),
                                                                static_cast<int32_t*>(y), n, rank, s,
                                                                static_cast<int32_t>(value));
  } else {
    return STRATA_BAD_DTYPE;
  }
  return launchStatus();
}
