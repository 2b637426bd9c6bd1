// The C interface between the g++-compiled glue (*.cc) and the nvcc-compiled kernels (kernels/*.cu).
// It includes no CUDA header: statuses are cudaError_t values as int, streams and pointers are void*.
// Negative statuses are Strata's own (see strata_status_name).
#pragma once
#include <cstddef>
#include <cstdint>

#define STRATA_MAX_RANK 6

// Strata's own statuses, reported through the same path as CUDA's.
enum StrataStatus {
  STRATA_OK = 0,
  STRATA_BAD_OP = -1,      // op code unknown to the kernel family
  STRATA_BAD_RANK = -2,    // rank above STRATA_MAX_RANK
  STRATA_BAD_DTYPE = -3,   // dtype code the kernel does not handle
};

// Element types on the device. Every element is 4 bytes; bool is stored as int32 0/1.
enum StrataDtype { STRATA_F32 = 0, STRATA_I32 = 1 };

// An iteration shape with a source and a destination stride per axis (in elements). Used for every
// copy that reorders or selects: transpose, slice, strided slice, reverse, broadcast, concat.
struct StrataStridedView {
  int rank;
  int64_t shape[STRATA_MAX_RANK];
  int64_t srcStrides[STRATA_MAX_RANK];
  int64_t dstStrides[STRATA_MAX_RANK];
  int64_t srcOffset;
  int64_t dstOffset;
};

// A broadcast binary op: the output shape and each input's strides (0 on broadcast axes).
struct StrataBroadcast {
  int rank;
  int64_t outShape[STRATA_MAX_RANK];
  int64_t aStrides[STRATA_MAX_RANK];
  int64_t bStrides[STRATA_MAX_RANK];
};

// NHWC 2-D convolution / pooling geometry, as tfjs-core's computeConv2DInfo gives it.
struct StrataConvGeometry {
  int batch, inH, inW, inC;
  int outH, outW, outC;
  int filterH, filterW;
  int strideH, strideW;
  int dilationH, dilationW;
  int padTop, padLeft;
};

extern "C" {
// Device, stream and memory.
const char* strata_status_name(int status);
const char* strata_status_string(int status);
int strata_device_count(int* count);
int strata_driver_version(int* version);
int strata_runtime_version(int* version);
int strata_device_init(int device);
int strata_device_properties(int device, char* name, size_t nameLength, int* major, int* minor,
                             size_t* totalBytes, int* multiprocessors);
int strata_mem_get_info(size_t* freeBytes, size_t* totalBytes);
void* strata_stream();
int strata_malloc(void** ptr, size_t bytes);
int strata_free(void* ptr);
int strata_copy_to_device(void* dst, const void* src, size_t bytes);
int strata_copy_to_host(void* dst, const void* src, size_t bytes);
int strata_copy_device(void* dst, const void* src, size_t bytes);
int strata_memset(void* ptr, int value, size_t bytes);
int strata_synchronize();

// Kernels. Each returns the launch status (cudaGetLastError) or a StrataStatus.
int strata_fill(int dtype, void* y, int64_t n, double value);
int strata_unary(int op, int dtype, const void* x, void* y, int64_t n, float alpha, float beta);
int strata_binary(int op, int inDtype, int outDtype, const void* a, const void* b, void* y, int64_t n,
                  const StrataBroadcast* shape /* null: same shape, no broadcast */);
int strata_add_n(const void* const* inputs, int count, void* y, int64_t n);
int strata_cast(int fromDtype, int toDtype, int toBool, const void* x, void* y, int64_t n);
int strata_bias_activation(int activation, const void* x, const void* bias, void* y, int64_t rows,
                           int64_t cols, float alpha);
int strata_reduce(int op, int dtype, const void* x, void* y, int64_t outer, int64_t reduce, int64_t inner);
int strata_arg_reduce(int op, int dtype, const void* x, void* y, int64_t outer, int64_t reduce, int64_t inner);
int strata_softmax(const void* logits, void* y, int64_t rows, int64_t cols);
int strata_strided_copy(const void* src, void* dst, const StrataStridedView* view);
int strata_tile(const void* x, void* y, int rank, const int64_t* inShape, const int64_t* outShape);
int strata_pad(int dtype, const void* x, void* y, int rank, const int64_t* inShape, const int64_t* outShape,
               const int64_t* padBefore, double value);
int strata_gather(const void* x, const int32_t* indices, void* y, int64_t outer, int64_t axisDim,
                  int64_t inner, int64_t count);
int strata_segment_sum(const float* x, const int32_t* ids, float* y, int64_t rows, int64_t inner, int64_t numSegments);
int strata_one_hot(const int32_t* indices, float* y, int64_t count, int depth, float onValue, float offValue);
int strata_select(const int32_t* condition, const void* t, const void* e, void* y, int64_t n);
int strata_im2col(const float* x, float* cols, const StrataConvGeometry* g);
int strata_col2im(const float* cols, float* dx, const StrataConvGeometry* g);
int strata_max_pool(const float* x, float* y, const StrataConvGeometry* g);
int strata_max_pool_grad(const float* dy, const float* x, float* dx, const StrataConvGeometry* g);
int strata_avg_pool(const float* x, float* y, const StrataConvGeometry* g);
int strata_avg_pool_grad(const float* dy, float* dx, const StrataConvGeometry* g);
int strata_random(int distribution, float* y, int64_t n, uint64_t seed, float a, float b);
int strata_apply_adam(const float* var, const float* m, const float* v, const float* grad, float* newVar,
                      float* newM, float* newV, int64_t n, float lr, float beta1, float beta2, float epsilon,
                      float beta1Power, float beta2Power);
int strata_apply_sgd(const float* var, const float* velocity, const float* grad, float* newVar,
                     float* newVelocity, int64_t n, float lr, float momentum, int nesterov);
int strata_apply_rmsprop(const float* var, const float* ms, const float* mom, const float* mg,
                         const float* grad, float* newVar, float* newMs, float* newMom, float* newMg,
                         int64_t n, float lr, float rho, float momentum, float epsilon, int centered);
}
