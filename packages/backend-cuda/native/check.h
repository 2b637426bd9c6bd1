// The one place every status is checked. A failed CUDA, cuBLAS or Strata status becomes a JavaScript
// Error that names the kernel and shapes (the context string the TypeScript side passes first), the
// library, the status name and number, its text, and the C++ file and line that saw it.
#pragma once
#include <napi.h>
#include <string>

namespace strata {

enum class Library { Cuda, Cublas };

[[noreturn]] void throwStatus(Napi::Env env, Library library, int status, const std::string& context,
                              const char* file, int line);

inline void checkStatus(Napi::Env env, Library library, int status, const std::string& context, const char* file,
                        int line) {
  if (status != 0) throwStatus(env, library, status, context, file, line);
}

// The name cuBLAS gives a status (cublasGetStatusName needs the library; these are fixed by its ABI).
const char* cublasStatusName(int status);

}  // namespace strata

// CUDA_CHECK(env, call, context): a CUDA runtime or Strata kernel status.
#define STRATA_CUDA_CHECK(env, call, context) \
  ::strata::checkStatus((env), ::strata::Library::Cuda, (call), (context), __FILE__, __LINE__)
// CUBLAS_CHECK(env, call, context): a cuBLAS status.
#define STRATA_CUBLAS_CHECK(env, call, context) \
  ::strata::checkStatus((env), ::strata::Library::Cublas, (call), (context), __FILE__, __LINE__)
