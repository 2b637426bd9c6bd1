// cuBLAS, loaded at run time from the first path that dlopen accepts, with its handle bound to our stream.
#pragma once
#include <string>
#include <vector>

#include "cublas_types.h"

namespace strata {

// One attempt to load the library: the path given to dlopen and dlerror's text when it failed.
struct LoadAttempt {
  std::string path;
  std::string error;  // empty when this path loaded
};

// The dlopen'ed library and the entry points we use. Owns the library handle and the cuBLAS handle.
class Cublas {
 public:
  Cublas() = default;
  Cublas(const Cublas&) = delete;
  Cublas& operator=(const Cublas&) = delete;
  ~Cublas();

  // Tries each path in order until one loads and exports every entry point; returns every attempt.
  std::vector<LoadAttempt> load(const std::vector<std::string>& paths);
  bool loaded() const { return library_ != nullptr; }
  const std::string& path() const { return path_; }

  // Creates the handle on first use (after the device is initialised) and binds it to `stream`.
  cublas::Status ensureHandle(cublas::Stream stream);
  cublas::Handle handle() const { return handle_; }

  cublas::CreateFn create = nullptr;
  cublas::DestroyFn destroy = nullptr;
  cublas::SetStreamFn setStream = nullptr;
  cublas::SetMathModeFn setMathMode = nullptr;
  cublas::GetVersionFn getVersion = nullptr;
  cublas::GemmStridedBatchedExFn gemmStridedBatchedEx = nullptr;

 private:
  std::string resolveSymbols(void* library);
  void* library_ = nullptr;
  std::string path_;
  cublas::Handle handle_ = nullptr;
};

}  // namespace strata
