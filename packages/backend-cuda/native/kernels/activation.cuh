// Scalar math shared by the elementwise, fused-bias and pooling kernels.
#pragma once
#include "common.cuh"

namespace strata {

constexpr float kSeluScale = 1.0507009873554804934193349852946f;
constexpr float kSeluAlpha = 1.6732632423543772848170429916717f;

__device__ __forceinline__ float sigmoidf(float v) { return 1.0f / (1.0f + expf(-v)); }

// Numerically stable softplus: log(1 + e^v) without overflow for large v.
__device__ __forceinline__ float softplusf(float v) { return fmaxf(v, 0.0f) + log1pf(expf(-fabsf(v))); }

__device__ __forceinline__ float applyActivation(Activation act, float v, float alpha) {
  switch (act) {
    case Activation::relu: return fmaxf(v, 0.0f);
    case Activation::relu6: return fminf(fmaxf(v, 0.0f), 6.0f);
    case Activation::elu: return v >= 0.0f ? v : expm1f(v);
    case Activation::selu: return v >= 0.0f ? kSeluScale * v : kSeluScale * kSeluAlpha * expm1f(v);
    case Activation::sigmoid: return sigmoidf(v);
    case Activation::leakyrelu: return v >= 0.0f ? v : alpha * v;
    default: return v;
  }
}

}  // namespace strata
