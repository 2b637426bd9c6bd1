// Elementwise binary ops with NumPy broadcasting, and AddN. Inputs may be float32 or int32; comparisons
// and logical ops write Strata's bool (int32 0/1).
#include "common.cuh"

namespace strata {

template <typename T>
__device__ __forceinline__ T floorMod(T a, T b);
template <>
__device__ __forceinline__ float floorMod(float a, float b) {
  float r = fmodf(a, b);
  return (r != 0.0f && ((r < 0.0f) != (b < 0.0f))) ? r + b : r;
}
template <>
__device__ __forceinline__ int32_t floorMod(int32_t a, int32_t b) {
  int32_t r = a % b;
  return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

template <typename T>
__device__ __forceinline__ T floorDiv(T a, T b);
template <>
__device__ __forceinline__ float floorDiv(float a, float b) { return floorf(a / b); }
template <>
__device__ __forceinline__ int32_t floorDiv(int32_t a, int32_t b) {
  return static_cast<int32_t>(floorf(static_cast<float>(a) / static_cast<float>(b)));
}

// The result in double keeps int32 and float32 exact; the caller converts to the output type.
template <typename T>
__device__ __forceinline__ double applyBinary(BinaryOp op, T a, T b) {
  switch (op) {
    case BinaryOp::Add: return a + b;
    case BinaryOp::Sub: return a - b;
    case BinaryOp::Multiply: return a * b;
    case BinaryOp::RealDiv: return static_cast<float>(a) / static_cast<float>(b);
    case BinaryOp::FloorDiv: return floorDiv<T>(a, b);
    case BinaryOp::Mod: return floorMod<T>(a, b);
    case BinaryOp::Maximum: return a > b ? a : b;
    case BinaryOp::Minimum: return a < b ? a : b;
    case BinaryOp::Pow: return powf(static_cast<float>(a), static_cast<float>(b));
    case BinaryOp::SquaredDifference: return (a - b) * (a - b);
    case BinaryOp::Atan2: return atan2f(static_cast<float>(a), static_cast<float>(b));
    case BinaryOp::Prelu: return a < 0 ? b * a : a;
    case BinaryOp::EluGrad: return b < 0 ? a * (b + 1) : a;  // a = dy, b = elu output
    case BinaryOp::Equal: return a == b;
    case BinaryOp::NotEqual: return a != b;
    case BinaryOp::Greater: return a > b;
    case BinaryOp::GreaterEqual: return a >= b;
    case BinaryOp::Less: return a < b;
    case BinaryOp::LessEqual: return a <= b;
    case BinaryOp::LogicalAnd: return (a != 0) && (b != 0);
    case BinaryOp::LogicalOr: return (a != 0) || (b != 0);
    case BinaryOp::LogicalXor: return (a != 0) != (b != 0);
    default: return 0.0;
  }
}

// Float ops that keep NaN: comparisons of NaN are false, as in IEEE; max/min propagate it like TF.
template <typename T>
__device__ __forceinline__ double applyBinaryNaN(BinaryOp op, T a, T b) {
  if ((op == BinaryOp::Maximum || op == BinaryOp::Minimum) && (a != a || b != b)) return nan("");
  return applyBinary<T>(op, a, b);
}

template <typename TIn, typename TOut>
__global__ void binarySameKernel(BinaryOp op, const TIn* a, const TIn* b, TOut* y, int64_t n) {
  STRATA_GRID_STRIDE(i, n) { y[i] = static_cast<TOut>(applyBinaryNaN<TIn>(op, a[i], b[i])); }
}

template <typename TIn, typename TOut>
__global__ void binaryBroadcastKernel(BinaryOp op, const TIn* a, const TIn* b, TOut* y, int64_t n,
                                      StrataBroadcast s) {
  STRATA_GRID_STRIDE(i, n) {
    int64_t rest = i, ia = 0, ib = 0;
    for (int d = s.rank - 1; d >= 0; --d) {
      int64_t coord = rest % s.outShape[d];
      rest /= s.outShape[d];
      ia += coord * s.aStrides[d];
      ib += coord * s.bStrides[d];
    }
    y[i] = static_cast<TOut>(applyBinaryNaN<TIn>(op, a[ia], b[ib]));
  }
}

template <typename TIn, typename TOut>
int launchBinary(BinaryOp op, const void* a, const void* b, void* y, int64_t n, const StrataBroadcast* s) {
  const TIn* pa = static_cast<const TIn*>(a);
  const TIn* pb = static_cast<const TIn*>(b);
  TOut* py = static_cast<TOut*>(y);
  if (s == nullptr) {
    binarySameKernel<TIn, TOut><<<blocksFor(n), kThreads, 0, stream()>>>(op, pa, pb, py, n);
  } else {
    if (s->rank > STRATA_MAX_RANK) return STRATA_BAD_RANK;
    binaryBroadcastKernel<TIn, TOut><<<blocksFor(n), kThreads, 0, stream()>>>(op, pa, pb, py, n, *s);
  }
  return launchStatus();
}

// AddN takes its input pointers by value; this many fit in a kernel parameter block comfortably.
constexpr int kMaxAddN = 64;
struct AddNInputs {
  const float* p[kMaxAddN];
};

__global__ void addNParamKernel(AddNInputs in, int count, float* y, int64_t n) {
  STRATA_GRID_STRIDE(i, n) {
    float sum = 0.0f;
    for (int k = 0; k < count; ++k) sum += in.p[k][i];
    y[i] = sum;
  }
}

}  // namespace strata

using namespace strata;

extern "C" int strata_binary(int op, int inDtype, int outDtype, const void* a, const void* b, void* y, int64_t n,
                             const StrataBroadcast* s) {
  if (op < 0 || op >= static_cast<int>(BinaryOp::Count)) return STRATA_BAD_OP;
  if (n == 0) return cudaSuccess;
  BinaryOp o = static_cast<BinaryOp>(op);
  if (inDtype == STRATA_F32 && outDtype == STRATA_F32) return launchBinary<float, float>(o, a, b, y, n, s);
  if (inDtype == STRATA_F32 && outDtype == STRATA_I32) return launchBinary<float, int32_t>(o, a, b, y, n, s);
  if (inDtype == STRATA_I32 && outDtype == STRATA_I32) return launchBinary<int32_t, int32_t>(o, a, b, y, n, s);
  if (inDtype == STRATA_I32 && outDtype == STRATA_F32) return launchBinary<int32_t, float>(o, a, b, y, n, s);
  return STRATA_BAD_DTYPE;
}

extern "C" int strata_add_n(const void* const* inputs, int count, void* y, int64_t n) {
  if (n == 0) return cudaSuccess;
  // Sum in chunks of kMaxAddN: the first chunk writes y, later chunks add y back in as one more input.
  int done = 0;
  while (done < count) {
    AddNInputs in;
    int k = 0;
    if (done > 0) in.p[k++] = static_cast<const float*>(y);
    while (k < kMaxAddN && done < count) in.p[k++] = static_cast<const float*>(inputs[done++]);
    addNParamKernel<<<blocksFor(n), kThreads, 0, stream()>>>(in, k, static_cast<float*>(y), n);
    int status = launchStatus();
    if (status != cudaSuccess) return status;
  }
  return cudaSuccess;
}
