// GatherV2 over an [outer, axis, inner] view, its gradient UnsortedSegmentSum, OneHot and Select.
#include "common.cuh"

namespace strata {

// An index outside [0, axisDim) yields zeros, as TensorFlow's GPU kernel does (no device-side throw).
__global__ void gatherKernel(const uint32_t* x, const int32_t* indices, uint32_t* y, int64_t outer, int64_t axisDim,
                             int64_t inner, int64_t count) {
  STRATA_GRID_STRIDE(i, outer * count * inner) {
    int64_t in = i % inner;
    int64_t k = (i / inner) % count;
    int64_t o = i / (inner * count);
    int32_t index = indices[k];
    y[i] = (index >= 0 && index < axisDim) ? x[(o * axisDim + index) * inner + in] : 0u;
  }
}

// Scatter-add; float atomics make the summation order (and so the last bits) vary from run to run.
__global__ void segmentSumKernel(const float* x, const int32_t* ids, float* y, int64_t rows, int64_t inner,
                                 int64_t numSegments) {
  STRATA_GRID_STRIDE(i, rows * inner) {
    int32_t s = ids[i / inner];
    if (s >= 0 && s < numSegments) atomicAdd(&y[s * inner + i % inner], x[i]);
  }
}

__global__ void oneHotKernel(const int32_t* indices, float* y, int64_t count, int depth, float on, float off) {
  STRATA_GRID_STRIDE(i, count * depth) {
    y[i] = indices[i / depth] == static_cast<int32_t>(i % depth) ? on : off;
  }
}

__global__ void selectKernel(const int32_t* condition, const uint32_t* t, const uint32_t* e, uint32_t* y, int64_t n) {
  STRATA_GRID_STRIDE(i, n) { y[i] = condition[i] != 0 ? t[i] : e[i]; }
}

}  // namespace strata

using namespace strata;

extern "C" int strata_gather(const void* x, const int32_t* indices, void* y, int64_t outer, int64_t axisDim,
                             int64_t inner, int64_t count) {
  int64_t n = outer * count * inner;
  if (n == 0) return cudaSuccess;
  gatherKernel<<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<const uint32_t*>(x), indices,
                                                        static_cast<uint32_t*>(y), outer, axisDim, inner, count);
  return launchStatus();
}

extern "C" int strata_segment_sum(const float* x, const int32_t* ids, float* y, int64_t rows, int64_t inner,
                                  int64_t numSegments) {
  if (numSegments * inner == 0) return cudaSuccess;
  cudaError_t err = cudaMemsetAsync(y, 0, numSegments * inner * sizeof(float), stream());
  if (err != cudaSuccess) return err;
  if (rows * inner == 0) return cudaSuccess;
  segmentSumKernel<<<blocksFor(rows * inner), kThreads, 0, stream()>>>(x, ids, y, rows, inner, numSegments);
  return launchStatus();
}

extern "C" int strata_one_hot(const int32_t* indices, float* y, int64_t count, int depth, float on, float off) {
  int64_t n = count * depth;
  if (n == 0) return cudaSuccess;
  oneHotKernel<<<blocksFor(n), kThreads, 0, stream()>>>(indices, y, count, depth, on, off);
  return launchStatus();
}

extern "C" int strata_select(const int32_t* condition, const void* t, const void* e, void* y, int64_t n) {
  if (n == 0) return cudaSuccess;
  selectKernel<<<blocksFor(n), kThreads, 0, stream()>>>(condition, static_cast<const uint32_t*>(t),
                                                        static_cast<const uint32_t*>(e), static_cast<uint32_t*>(y), n);
  return launchStatus();
}
