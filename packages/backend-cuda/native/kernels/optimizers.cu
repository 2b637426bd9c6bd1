// Fused optimizer updates: one kernel reads a variable, its slots and its gradient and writes their new
// values, instead of the dozen elementwise launches the same formula costs op by op. Keras's formulas.
#include "common.cuh"

namespace strata {

// Adam: lr_t = lr·√(1−β₂ᵗ)/(1−β₁ᵗ); m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − lr_t·m/(√v + ε).
__global__ void adamKernel(const float* var, const float* m, const float* v, const float* grad, float* newVar,
                           float* newM, float* newV, int64_t n, float lrT, float beta1, float beta2, float epsilon) {
  STRATA_GRID_STRIDE(i, n) {
    float g = grad[i];
    float mi = beta1 * m[i] + (1.0f - beta1) * g;
    float vi = beta2 * v[i] + (1.0f - beta2) * g * g;
    newM[i] = mi;
    newV[i] = vi;
    newVar[i] = var[i] - lrT * mi / (sqrtf(vi) + epsilon);
  }
}

// SGD with momentum: u ← μu − lr·g; w ← w + u (Nesterov: w ← w + μu − lr·g). μ = 0: w ← w − lr·g.
__global__ void sgdKernel(const float* var, const float* velocity, const float* grad, float* newVar,
                          float* newVelocity, int64_t n, float lr, float momentum, bool nesterov) {
  STRATA_GRID_STRIDE(i, n) {
    float g = grad[i];
    if (velocity == nullptr) {
      newVar[i] = var[i] - lr * g;
      continue;
    }
    float u = momentum * velocity[i] - lr * g;
    newVelocity[i] = u;
    newVar[i] = nesterov ? var[i] + momentum * u - lr * g : var[i] + u;
  }
}

// RMSprop: s ← ρs + (1−ρ)g²; centered: ḡ ← ρḡ + (1−ρ)g, d = s − ḡ² + ε, else d = s + ε;
// step = lr·g/√d; with momentum: p ← μp + step, w ← w − p; else w ← w − step.
__global__ void rmspropKernel(const float* var, const float* ms, const float* mom, const float* mg, const float* grad,
                              float* newVar, float* newMs, float* newMom, float* newMg, int64_t n, float lr, float rho,
                              float momentum, float epsilon, bool centered) {
  STRATA_GRID_STRIDE(i, n) {
    float g = grad[i];
    float s = rho * ms[i] + (1.0f - rho) * g * g;
    newMs[i] = s;
    float d = s + epsilon;
    if (centered) {
      float avg = rho * mg[i] + (1.0f - rho) * g;
      newMg[i] = avg;
      d -= avg * avg;
    }
    float step = lr * g / sqrtf(d);
    if (mom != nullptr) {
      float p = momentum * mom[i] + step;
      newMom[i] = p;
      step = p;
    }
    newVar[i] = var[i] - step;
  }
}

}  // namespace strata

using namespace strata;

extern "C" int strata_apply_adam(const float* var, const float* m, const float* v, const float* grad, float* newVar,
                                 float* newM, float* newV, int64_t n, float lr, float beta1, float beta2, float epsilon,
                                 float beta1Power, float beta2Power) {
  if (n == 0) return cudaSuccess;
  float lrT = lr * sqrtf(1.0f - beta2Power) / (1.0f - beta1Power);
  adamKernel<<<blocksFor(n), kThreads, 0, stream()>>>(var, m, v, grad, newVar, newM, newV, n, lrT, beta1, beta2, epsilon);
  return launchStatus();
}

extern "C" int strata_apply_sgd(const float* var, const float* velocity, const float* grad, float* newVar,
                                float* newVelocity, int64_t n, float lr, float momentum, int nesterov) {
  if (n == 0) return cudaSuccess;
  sgdKernel<<<blocksFor(n), kThreads, 0, stream()>>>(var, velocity, grad, newVar, newVelocity, n, lr, momentum,
                                                     nesterov != 0);
  return launchStatus();
}

extern "C" int strata_apply_rmsprop(const float* var, const float* ms, const float* mom, const float* mg,
                                    const float* grad, float* newVar, float* newMs, float* newMom, float* newMg,
                                    int64_t n, float lr, float rho, float momentum, float epsilon, int centered) {
  if (n == 0) return cudaSuccess;
  rmspropKernel<<<blocksFor(n), kThreads, 0, stream()>>>(var, ms, mom, mg, grad, newVar, newMs, newMom, newMg, n, lr,
                                                         rho, momentum, epsilon, centered != 0);
  return launchStatus();
}
