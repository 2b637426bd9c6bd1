#include "cublas_loader.h"

#include <dlfcn.h>

// glibc 2.34 moved dlopen into libc under a new symbol version; binding the original x86-64 versions
// keeps the addon loadable on older systems (the addon otherwise needs only glibc 2.14).
#if defined(__x86_64__) && defined(__GLIBC__)
__asm__(".symver dlopen,dlopen@GLIBC_2.2.5");
__asm__(".symver dlsym,dlsym@GLIBC_2.2.5");
__asm__(".symver dlclose,dlclose@GLIBC_2.2.5");
__asm__(".symver dlerror,dlerror@GLIBC_2.2.5");
#endif

namespace strata {

Cublas::~Cublas() {
  if (handle_ != nullptr && destroy != nullptr) destroy(handle_);
  // The library stays mapped: cuBLAS registers process-exit work of its own and unmapping it first
  // would leave that dangling.
}

template <typename Fn>
static bool bind(void* library, const char* name, Fn* slot, std::string* missing) {
  *slot = reinterpret_cast<Fn>(dlsym(library, name));
  if (*slot == nullptr) *missing += std::string(missing->empty() ? "" : ", ") + name;
  return *slot != nullptr;
}

std::string Cublas::resolveSymbols(void* library) {
  std::string missing;
  bind(library, "cublasCreate_v2", &create, &missing);
  bind(library, "cublasDestroy_v2", &destroy, &missing);
  bind(library, "cublasSetStream_v2", &setStream, &missing);
  bind(library, "cublasSetMathMode", &setMathMode, &missing);
  bind(library, "cublasGetVersion_v2", &getVersion, &missing);
  bind(library, "cublasGemmStridedBatchedEx", &gemmStridedBatchedEx, &missing);
  return missing;
}

std::vector<LoadAttempt> Cublas::load(const std::vector<std::string>& paths) {
  std::vector<LoadAttempt> attempts;
  if (loaded()) return attempts;
  for (const std::string& path : paths) {
    dlerror();
    void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      const char* error = dlerror();
      attempts.push_back({path, error != nullptr ? error : "dlopen failed"});
      continue;
    }
    std::string missing = resolveSymbols(library);
    if (!missing.empty()) {
      attempts.push_back({path, "loaded, but lacks " + missing});
      dlclose(library);
      continue;
    }
    attempts.push_back({path, ""});
    library_ = library;
    path_ = path;
    break;
  }
  return attempts;
}

cublas::Status Cublas::ensureHandle(cublas::Stream stream) {
  if (handle_ != nullptr) return 0;
  cublas::Status status = create(&handle_);
  if (status != 0) {
    handle_ = nullptr;
    return status;
  }
  return setStream(handle_, stream);
}

}  // namespace strata
