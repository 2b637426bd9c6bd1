// Shared by every kernel file: launch geometry, the current stream, and the launch-status rule.
#pragma once
#include <cuda_runtime.h>
#include <cstdint>
#include "device_api.h"
#include "op_codes.h"

namespace strata {

cudaStream_t stream();

constexpr int kThreads = 256;

// Enough blocks to cover n with grid-stride loops, capped so huge tensors reuse threads.
inline unsigned blocksFor(int64_t n) {
  int64_t blocks = (n + kThreads - 1) / kThreads;
  if (blocks > 65535LL * 8) blocks = 65535LL * 8;
  return static_cast<unsigned>(blocks < 1 ? 1 : blocks);
}

// A kernel launch is asynchronous: what can be known now is whether the launch itself was accepted.
inline int launchStatus() { return static_cast<int>(cudaGetLastError()); }

#define STRATA_GRID_STRIDE(i, n) \
  for (int64_t i = blockIdx.x * (int64_t)blockDim.x + threadIdx.x; i < (n); i += (int64_t)blockDim.x * gridDim.x)

}  // namespace strata
