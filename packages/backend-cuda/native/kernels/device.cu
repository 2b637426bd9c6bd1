// Device selection, the one stream every kernel runs on, memory and copies.
#include <library_types.h>
#include <cstring>
#include "common.cuh"
#include "cublas_types.h"

static_assert(static_cast<int>(CUDA_R_32F) == strata::cublas::R_32F, "our CUDA_R_32F must match library_types.h");

namespace strata {
namespace {
cudaStream_t gStream = nullptr;
}
cudaStream_t stream() { return gStream; }
}  // namespace strata

using strata::stream;

extern "C" {

const char* strata_status_name(int status) {
  switch (status) {
    case STRATA_BAD_OP: return "StrataBadOp";
    case STRATA_BAD_RANK: return "StrataBadRank";
    case STRATA_BAD_DTYPE: return "StrataBadDtype";
    default: return cudaGetErrorName(static_cast<cudaError_t>(status));
  }
}

const char* strata_status_string(int status) {
  switch (status) {
    case STRATA_BAD_OP: return "op code unknown to this kernel family";
    case STRATA_BAD_RANK: return "tensor rank above the supported maximum of 6";
    case STRATA_BAD_DTYPE: return "dtype not supported by this kernel";
    default: return cudaGetErrorString(static_cast<cudaError_t>(status));
  }
}

int strata_device_count(int* count) { return cudaGetDeviceCount(count); }
int strata_driver_version(int* version) { return cudaDriverGetVersion(version); }
int strata_runtime_version(int* version) { return cudaRuntimeGetVersion(version); }

int strata_device_init(int device) {
  if (strata::gStream != nullptr) return cudaSuccess;
  cudaError_t err = cudaSetDevice(device);
  if (err != cudaSuccess) return err;
  return cudaStreamCreateWithFlags(&strata::gStream, cudaStreamNonBlocking);
}

int strata_device_properties(int device, char* name, size_t nameLength, int* major, int* minor,
                             size_t* totalBytes, int* multiprocessors) {
  cudaDeviceProp prop;
  cudaError_t err = cudaGetDeviceProperties(&prop, device);
  if (err != cudaSuccess) return err;
  std::strncpy(name, prop.name, nameLength - 1);
  name[nameLength - 1] = '\0';
  *major = prop.major;
  *minor = prop.minor;
  *totalBytes = prop.totalGlobalMem;
  *multiprocessors = prop.multiProcessorCount;
  return cudaSuccess;
}

int strata_mem_get_info(size_t* freeBytes, size_t* totalBytes) { return cudaMemGetInfo(freeBytes, totalBytes); }
void* strata_stream() { return stream(); }
int strata_malloc(void** ptr, size_t bytes) { return cudaMallocAsync(ptr, bytes, stream()); }
int strata_free(void* ptr) { return cudaFreeAsync(ptr, stream()); }

// Host memory here is pageable: the call returns once the source has been staged, so the caller may
// release it; the device-side copy stays ordered on the stream.
int strata_copy_to_device(void* dst, const void* src, size_t bytes) {
  return cudaMemcpyAsync(dst, src, bytes, cudaMemcpyHostToDevice, stream());
}

int strata_copy_to_host(void* dst, const void* src, size_t bytes) {
  cudaError_t err = cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToHost, stream());
  if (err != cudaSuccess) return err;
  return cudaStreamSynchronize(stream());
}

int strata_copy_device(void* dst, const void* src, size_t bytes) {
  return cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToDevice, stream());
}

int strata_memset(void* ptr, int value, size_t bytes) { return cudaMemsetAsync(ptr, value, bytes, stream()); }
int strata_synchronize() { return cudaStreamSynchronize(stream()); }

}  // extern "C"
