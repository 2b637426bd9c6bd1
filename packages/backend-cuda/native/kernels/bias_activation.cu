// The epilogue of _FusedMatMul and FusedConv2D: y = activation(x + bias), bias broadcast along rows.
#include "activation.cuh"

namespace strata {

__global__ void biasActivationKernel(Activation act, const float* x, const float* bias, float* y, int64_t n,
                                     int64_t cols, float alpha) {
  STRATA_GRID_STRIDE(i, n) {
    float v = x[i] + (bias != nullptr ? bias[i % cols] : 0.0f);
    y[i] = applyActivation(act, v, alpha);
  }
}

}  // namespace strata

using namespace strata;

extern "C" int strata_bias_activation(int activation, const void* x, const void* bias, void* y, int64_t rows,
                                      int64_t cols, float alpha) {
  if (activation < 0 || activation >= static_cast<int>(Activation::Count)) return STRATA_BAD_OP;
  int64_t n = rows * cols;
  if (n == 0) return cudaSuccess;
  biasActivationKernel<<<blocksFor(n), kThreads, 0, stream()>>>(
      static_cast<Activation>(activation), static_cast<const float*>(x), static_cast<const float*>(bias),
      static_cast<float*>(y), n, cols, alpha);
  return launchStatus();
}
