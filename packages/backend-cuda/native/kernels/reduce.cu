// Reductions over the middle axis of an [outer, reduce, inner] view (Sum, Max, Mean, …, ArgMax).
// The TypeScript side brings the reduced axes together (transposing if needed) and passes the view.
// inner == 1 (reducing the last axes): one block per output, a tree in shared memory.
// inner > 1: one thread per output walking the reduced axis, reads coalesced across inner.
#include <climits>
#include "common.cuh"

namespace strata {

template <typename T>
struct Limits;
template <>
struct Limits<float> {
  __device__ static float lowest() { return -INFINITY; }
  __device__ static float highest() { return INFINITY; }
};
template <>
struct Limits<int32_t> {
  __device__ static int32_t lowest() { return INT32_MIN; }
  __device__ static int32_t highest() { return INT32_MAX; }
};

template <typename T>
__device__ __forceinline__ T reduceIdentity(ReduceOp op) {
  switch (op) {
    case ReduceOp::Prod: case ReduceOp::All: return T(1);
    case ReduceOp::Max: return Limits<T>::lowest();
    case ReduceOp::Min: return Limits<T>::highest();
    default: return T(0);
  }
}

template <typename T>
__device__ __forceinline__ T reduceCombine(ReduceOp op, T a, T b) {
  switch (op) {
    case ReduceOp::Prod: return a * b;
    case ReduceOp::Max: return (a != a || a > b) ? a : b;  // NaN wins, as in TF
    case ReduceOp::Min: return (a != a || a < b) ? a : b;
    case ReduceOp::All: return (a != 0) && (b != 0);
    case ReduceOp::Any: return (a != 0) || (b != 0);
    default: return a + b;  // Sum, Mean
  }
}

template <typename T>
__global__ void reduceRowsKernel(ReduceOp op, const T* x, T* y, int64_t reduce) {
  __shared__ T partial[kThreads];
  const T* row = x + blockIdx.x * reduce;
  T acc = reduceIdentity<T>(op);
  for (int64_t r = threadIdx.x; r < reduce; r += blockDim.x) acc = reduceCombine<T>(op, acc, row[r]);
  partial[threadIdx.x] = acc;
  __syncthreads();
  for (int width = blockDim.x / 2; width > 0; width /= 2) {
    if (threadIdx.x < width) partial[threadIdx.x] = reduceCombine<T>(op, partial[threadIdx.x], partial[threadIdx.x + width]);
    __syncthreads();
  }
  if (threadIdx.x == 0) y[blockIdx.x] = op == ReduceOp::Mean ? partial[0] / T(reduce) : partial[0];
}

template <typename T>
__global__ void reduceStridedKernel(ReduceOp op, const T* x, T* y, int64_t outer, int64_t reduce, int64_t inner) {
  STRATA_GRID_STRIDE(i, outer * inner) {
    int64_t o = i / inner, in = i % inner;
    const T* p = x + o * reduce * inner + in;
    T acc = reduceIdentity<T>(op);
    for (int64_t r = 0; r < reduce; ++r) acc = reduceCombine<T>(op, acc, p[r * inner]);
    y[i] = op == ReduceOp::Mean ? acc / T(reduce) : acc;
  }
}

// ArgMax/ArgMin: the first index of the extreme value, as tfjs-core returns it.
template <typename T>
__global__ void argReduceKernel(ArgOp op, const T* x, int32_t* y, int64_t outer, int64_t reduce, int64_t inner) {
  STRATA_GRID_STRIDE(i, outer * inner) {
    int64_t o = i / inner, in = i % inner;
    const T* p = x + o * reduce * inner + in;
    T best = p[0];
    int32_t bestIndex = 0;
    for (int64_t r = 1; r < reduce; ++r) {
      T v = p[r * inner];
      if (op == ArgOp::ArgMax ? v > best : v < best) {
        best = v;
        bestIndex = static_cast<int32_t>(r);
      }
    }
    y[i] = bestIndex;
  }
}

template <typename T>
int launchReduce(ReduceOp op, const void* x, void* y, int64_t outer, int64_t reduce, int64_t inner) {
  const T* px = static_cast<const T*>(x);
  T* py = static_cast<T*>(y);
  if (inner == 1) {
    reduceRowsKernel<T><<<static_cast<unsigned>(outer), kThreads, 0, stream()>>>(op, px, py, reduce);
  } else {
    reduceStridedKernel<T><<<blocksFor(outer * inner), kThreads, 0, stream()>>>(op, px, py, outer, reduce, inner);
  }
  return launchStatus();
}

}  // namespace strata

using namespace strata;

extern "C" int strata_reduce(int op, int dtype, const void* x, void* y, int64_t outer, int64_t reduce,
                             int64_t inner) {
  if (op < 0 || op >= static_cast<int>(ReduceOp::Count)) return STRATA_BAD_OP;
  if (outer * inner == 0) return cudaSuccess;
  if (outer > 2147483647LL) return STRATA_BAD_RANK;
  ReduceOp o = static_cast<ReduceOp>(op);
  if (dtype == STRATA_F32) return launchReduce<float>(o, x, y, outer, reduce, inner);
  if (dtype == STRATA_I32) return launchReduce<int32_t>(o, x, y, outer, reduce, inner);
  return STRATA_BAD_DTYPE;
}

extern "C" int strata_arg_reduce(int op, int dtype, const void* x, void* y, int64_t outer, int64_t reduce,
                                 int64_t inner) {
  if (op < 0 || op >= static_cast<int>(ArgOp::Count)) return STRATA_BAD_OP;
  if (outer * inner == 0) return cudaSuccess;
  ArgOp o = static_cast<ArgOp>(op);
  unsigned blocks = blocksFor(outer * inner);
  if (dtype == STRATA_F32) {
    argReduceKernel<float><<<blocks, kThreads, 0, stream()>>>(o, static_cast<const float*>(x), static_cast<int32_t*>(y),
                                                              outer, reduce, inner);
  } else if (dtype == STRATA_I32) {
    argReduceKernel<int32_t><<<blocks, kThreads, 0, stream()>>>(o, static_cast<const int32_t*>(x),
                                                                static_cast<int32_t*>(y), outer, reduce, inner);
  } else {
    return STRATA_BAD_DTYPE;
  }
  return launchStatus();
}
