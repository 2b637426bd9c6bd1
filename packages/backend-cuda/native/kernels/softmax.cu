// Softmax along the last axis: one block per row; the row maximum is subtracted before exp so large
// logits do not overflow.
#include <cfloat>
#include "common.cuh"

namespace strata {

__device__ float blockReduce(float v, bool isMax, float* scratch) {
  scratch[threadIdx.x] = v;
  __syncthreads();
  for (int width = blockDim.x / 2; width > 0; width /= 2) {
    if (threadIdx.x < width) {
      float other = scratch[threadIdx.x + width];
      scratch[threadIdx.x] = isMax ? fmaxf(scratch[threadIdx.x], other) : scratch[threadIdx.x] + other;
    }
    __syncthreads();
  }
  float result = scratch[0];
  __syncthreads();
  return result;
}

__global__ void softmaxKernel(const float* logits, float* y, int64_t cols) {
  __shared__ float scratch[kThreads];
  const float* row = logits + blockIdx.x * cols;
  float* out = y + blockIdx.x * cols;
  float m = -FLT_MAX;
  for (int64_t c = threadIdx.x; c < cols; c += blockDim.x) m = fmaxf(m, row[c]);
  m = blockReduce(m, true, scratch);
  float sum = 0.0f;
  for (int64_t c = threadIdx.x; c < cols; c += blockDim.x) {
    float e = expf(row[c] - m);
    out[c] = e;
    sum += e;
  }
  sum = blockReduce(sum, false, scratch);
  float inv = 1.0f / sum;
  for (int64_t c = threadIdx.x; c < cols; c += blockDim.x) out[c] *= inv;
}

}  // namespace strata

using namespace strata;

extern "C" int strata_softmax(const void* logits, void* y, int64_t rows, int64_t cols) {
  if (rows * cols == 0) return cudaSuccess;
  softmaxKernel<<<static_cast<unsigned>(rows), kThreads, 0, stream()>>>(static_cast<const float*>(logits),
                                                                         static_cast<float*>(y), cols);
  return launchStatus();
}
