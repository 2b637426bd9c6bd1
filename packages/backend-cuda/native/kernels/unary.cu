// Elementwise unary ops (Relu, Exp, Sqrt, …) and Fill. One kernel per dtype; the op is a uniform
// branch, which costs nothing next to the memory traffic of an elementwise op.
#include "activation.cuh"

namespace strata {

__device__ __forceinline__ float unaryF32(UnaryOp op, float v, float a, float b) {
  switch (op) {
    case UnaryOp::Identity: return v;
    case UnaryOp::Neg: return -v;
    case UnaryOp::Abs: return fabsf(v);
    case UnaryOp::Exp: return expf(v);
    case UnaryOp::Log: return logf(v);
    case UnaryOp::Log1p: return log1pf(v);
    case UnaryOp::Expm1: return expm1f(v);
    case UnaryOp::Sqrt: return sqrtf(v);
    case UnaryOp::Rsqrt: return rsqrtf(v);
    case UnaryOp::Square: return v * v;
    case UnaryOp::Reciprocal: return 1.0f / v;
    case UnaryOp::Sigmoid: return sigmoidf(v);
    case UnaryOp::Tanh: return tanhf(v);
    case UnaryOp::Relu: return applyActivation(Activation::relu, v, 0.0f);
    case UnaryOp::Relu6: return applyActivation(Activation::relu6, v, 0.0f);
    case UnaryOp::Elu: return applyActivation(Activation::elu, v, 0.0f);
    case UnaryOp::Selu: return applyActivation(Activation::selu, v, 0.0f);
    case UnaryOp::Softplus: return softplusf(v);
    case UnaryOp::LeakyRelu: return applyActivation(Activation::leakyrelu, v, a);
    // tfjs-core's step: 1 above zero, alpha at or below zero, NaN stays NaN.
    case UnaryOp::Step: return isnan(v) ? v : (v > 0.0f ? 1.0f : a);
    case UnaryOp::Sign: return v > 0.0f ? 1.0f : (v < 0.0f ? -1.0f : 0.0f);
    case UnaryOp::Floor: return floorf(v);
    case UnaryOp::Ceil: return ceilf(v);
    case UnaryOp::Round: return rintf(v);  // half to even, as tfjs-core rounds
    case UnaryOp::Sin: return sinf(v);
    case UnaryOp::Cos: return cosf(v);
    case UnaryOp::Tan: return tanf(v);
    case UnaryOp::Asin: return asinf(v);
    case UnaryOp::Acos: return acosf(v);
    case UnaryOp::Atan: return atanf(v);
    case UnaryOp::Sinh: return sinhf(v);
    case UnaryOp::Cosh: return coshf(v);
    case UnaryOp::Asinh: return asinhf(v);
    case UnaryOp::Acosh: return acoshf(v);
    case UnaryOp::Atanh: return atanhf(v);
    case UnaryOp::Erf: return erff(v);
    case UnaryOp::ClipByValue: return fminf(fmaxf(v, a), b);
    default: return nanf("");
  }
}

__global__ void unaryF32Kernel(UnaryOp op, const float* x, float* y, int64_t n, float a, float b) {
  STRATA_GRID_STRIDE(i, n) { y[i] = unaryF32(op, x[i], a, b); }
}

// Float predicates written as int32 0/1 (Strata's bool).
__global__ void predicateKernel(UnaryOp op, const float* x, int32_t* y, int64_t n) {
  STRATA_GRID_STRIDE(i, n) {
    float v = x[i];
    y[i] = op == UnaryOp::IsNan ? isnan(v) : (op == UnaryOp::IsInf ? isinf(v) : isfinite(v));
  }
}

__global__ void unaryI32Kernel(UnaryOp op, const int32_t* x, int32_t* y, int64_t n, float a, float b) {
  STRATA_GRID_STRIDE(i, n) {
    int32_t v = x[i];
    switch (op) {
      case UnaryOp::Neg: y[i] = -v; break;
      case UnaryOp::Abs: y[i] = v < 0 ? -v : v; break;
      case UnaryOp::Square: y[i] = v * v; break;
      case UnaryOp::Sign: y[i] = (v > 0) - (v < 0); break;
      case UnaryOp::LogicalNot: y[i] = v == 0; break;
      case UnaryOp::Relu: y[i] = v > 0 ? v : 0; break;
      case UnaryOp::ClipByValue: y[i] = static_cast<int32_t>(fminf(fmaxf((float)v, a), b)); break;
      default: y[i] = v; break;  // Identity (strata_unary admits no other op here)
    }
  }
}

// The ops unaryI32Kernel implements; any other op on int32 is refused rather than copied through.
inline bool integerOp(UnaryOp op) {
  switch (op) {
    case UnaryOp::Identity: case UnaryOp::Neg: case UnaryOp::Abs: case UnaryOp::Square: case UnaryOp::Sign:
    case UnaryOp::LogicalNot: case UnaryOp::Relu: case UnaryOp::ClipByValue:
      return true;
    default:
      return false;
  }
}

template <typename T>
__global__ void fillKernel(T* y, int64_t n, T value) {
  STRATA_GRID_STRIDE(i, n) { y[i] = value; }
}

}  // namespace strata

using namespace strata;

extern "C" int strata_unary(int op, int dtype, const void* x, void* y, int64_t n, float a, float b) {
  if (op < 0 || op >= static_cast<int>(UnaryOp::Count)) return STRATA_BAD_OP;
  if (n == 0) return cudaSuccess;
  UnaryOp u = static_cast<UnaryOp>(op);
  if (u == UnaryOp::IsNan || u == UnaryOp::IsInf || u == UnaryOp::IsFinite) {
    if (dtype != STRATA_F32) return STRATA_BAD_DTYPE;
    predicateKernel<<<blocksFor(n), kThreads, 0, stream()>>>(u, static_cast<const float*>(x),
                                                             static_cast<int32_t*>(y), n);
  } else if (dtype == STRATA_F32) {
    unaryF32Kernel<<<blocksFor(n), kThreads, 0, stream()>>>(u, static_cast<const float*>(x),
                                                            static_cast<float*>(y), n, a, b);
  } else if (dtype == STRATA_I32) {
    if (!integerOp(u)) return STRATA_BAD_DTYPE;
    unaryI32Kernel<<<blocksFor(n), kThreads, 0, stream()>>>(u, static_cast<const int32_t*>(x),
                                                            static_cast<int32_t*>(y), n, a, b);
  } else {
    return STRATA_BAD_DTYPE;
  }
  return launchStatus();
}

extern "C" int strata_fill(int dtype, void* y, int64_t n, double value) {
  if (n == 0) return cudaSuccess;
  if (dtype == STRATA_F32) {
    fillKernel<float><<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<float*>(y), n, (float)value);
  } else if (dtype == STRATA_I32) {
    fillKernel<int32_t><<<blocksFor(n), kThreads, 0, stream()>>>(static_cast<int32_t*>(y), n, (int32_t)value);
  } else {
    return STRATA_BAD_DTYPE;
  }
  return launchStatus();
}
