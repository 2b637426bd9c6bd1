// Cast between float32 and int32, and to bool (int32 0/1).
#include "common.cuh"

namespace strata {

template <typename TIn, typename TOut>
__global__ void castKernel(const TIn* x, TOut* y, int64_t n, bool toBool) {
  STRATA_GRID_STRIDE(i, n) {
    TIn v = x[i];
    // float → int truncates toward zero, as tfjs-core's cast does.
    y[i] = toBool ? static_cast<TOut>(v != 0) : static_cast<TOut>(v);
  }
}

}  // namespace strata

using namespace strata;

extern "C" int strata_cast(int fromDtype, int toDtype, int toBool, const void* x, void* y, int64_t n) {
  if (n == 0) return cudaSuccess;
  bool b = toBool != 0;
  if (fromDtype == STRATA_F32 && toDtype == STRATA_I32) {
    castKernel<float, int32_t><<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<const float*>(x),
                                                                        static_cast<int32_t*>(y), n, b);
  } else if (fromDtype == STRATA_I32 && toDtype == STRATA_F32) {
    castKernel<int32_t, float><<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<const int32_t*>(x),
                                                                        static_cast<float*>(y), n, b);
  } else if (fromDtype == STRATA_I32 && toDtype == STRATA_I32) {
    castKernel<int32_t, int32_t><<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<const int32_t*>(x),
                                                                          static_cast<int32_t*>(y), n, b);
  } else if (fromDtype == STRATA_F32 && toDtype == STRATA_F32) {
    castKernel<float, float><<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<const float*>(x),
                                                                      static_cast<float*>(y), n, b);
  } else {
    return STRATA_BAD_DTYPE;
  }
  return launchStatus();
}
