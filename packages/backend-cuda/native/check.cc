#include "check.h"

#include <cstring>
#include <sstream>

#include "device_api.h"

namespace strata {

const char* cublasStatusName(int status) {
  switch (status) {
    case 0: return "CUBLAS_STATUS_SUCCESS";
    case 1: return "CUBLAS_STATUS_NOT_INITIALIZED";
    case 3: return "CUBLAS_STATUS_ALLOC_FAILED";
    case 7: return "CUBLAS_STATUS_INVALID_VALUE";
    case 8: return "CUBLAS_STATUS_ARCH_MISMATCH";
    case 11: return "CUBLAS_STATUS_MAPPING_ERROR";
    case 13: return "CUBLAS_STATUS_EXECUTION_FAILED";
    case 14: return "CUBLAS_STATUS_INTERNAL_ERROR";
    case 15: return "CUBLAS_STATUS_NOT_SUPPORTED";
    case 16: return "CUBLAS_STATUS_LICENSE_ERROR";
    default: return "CUBLAS_STATUS_UNKNOWN";
  }
}

void throwStatus(Napi::Env env, Library library, int status, const std::string& context, const char* file, int line) {
  const char* base = std::strrchr(file, '/');
  std::ostringstream message;
  message << context << ": ";
  if (library == Library::Cuda) {
    message << strata_status_name(status) << " (" << status << "): " << strata_status_string(status);
  } else {
    message << cublasStatusName(status) << " (" << status << ")";
  }
  message << " [" << (base != nullptr ? base + 1 : file) << ":" << line << "]";
  Napi::Error error = Napi::Error::New(env, message.str());
  error.Set("library", Napi::String::New(env, library == Library::Cuda ? "cuda" : "cublas"));
  error.Set("status", Napi::Number::New(env, status));
  throw error;
}

}  // namespace strata
