// Launchers: read arguments, call the C entry point in kernels/*.cu, check the status with the context.
#include "ops.h"

#include <algorithm>
#include <memory>

#include "args.h"
#include "check.h"
#include "cublas_loader.h"
#include "device_api.h"

namespace strata {
namespace {

#define CHECK(call) STRATA_CUDA_CHECK(a.env(), (call), a.context())

Napi::Value pointerValue(Napi::Env env, void* p) {
  return Napi::Number::New(env, static_cast<double>(reinterpret_cast<uintptr_t>(p)));
}

// ---- device and memory ----

Napi::Value DeviceCount(const Napi::CallbackInfo& info) {
  Args a(info);
  int count = 0;
  CHECK(strata_device_count(&count));
  return Napi::Number::New(a.env(), count);
}

Napi::Value Versions(const Napi::CallbackInfo& info) {
  Args a(info);
  int driver = 0, runtime = 0;
  CHECK(strata_runtime_version(&runtime));
  CHECK(strata_driver_version(&driver));
  Napi::Object out = Napi::Object::New(a.env());
  out.Set("driver", driver);
  out.Set("runtime", runtime);
  return out;
}

Napi::Value Init(const Napi::CallbackInfo& info) {
  Args a(info);
  int device = a.i32(1);
  CHECK(strata_device_init(device));
  char name[256];
  int major = 0, minor = 0, multiprocessors = 0;
  size_t total = 0;
  CHECK(strata_device_properties(device, name, sizeof(name), &major, &minor, &total, &multiprocessors));
  Napi::Object out = Napi::Object::New(a.env());
  out.Set("name", name);
  out.Set("computeCapability", std::to_string(major) + "." + std::to_string(minor));
  out.Set("totalBytes", static_cast<double>(total));
  out.Set("multiprocessors", multiprocessors);
  return out;
}

Napi::Value MemInfo(const Napi::CallbackInfo& info) {
  Args a(info);
  size_t freeBytes = 0, total = 0;
  CHECK(strata_mem_get_info(&freeBytes, &total));
  Napi::Object out = Napi::Object::New(a.env());
  out.Set("freeBytes", static_cast<double>(freeBytes));
  out.Set("totalBytes", static_cast<double>(total));
  return out;
}

Napi::Value Malloc(const Napi::CallbackInfo& info) {
  Args a(info);
  void* p = nullptr;
  CHECK(strata_malloc(&p, static_cast<size_t>(a.i64(1))));
  return pointerValue(a.env(), p);
}

void Free(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_free(a.pointer(1)));
}

void Upload(const Napi::CallbackInfo& info) {
  Args a(info);
  Napi::TypedArray data = a.typedArray(2);
  const uint8_t* bytes = static_cast<const uint8_t*>(data.ArrayBuffer().Data()) + data.ByteOffset();
  CHECK(strata_copy_to_device(a.pointer(1), bytes, data.ByteLength()));
}

Napi::Value Download(const Napi::CallbackInfo& info) {
  Args a(info);
  size_t bytes = static_cast<size_t>(a.i64(2));
  Napi::ArrayBuffer out = Napi::ArrayBuffer::New(a.env(), bytes);
  CHECK(strata_copy_to_host(out.Data(), a.pointer(1), bytes));
  return out;
}

// Copies device → host on a worker thread so the event loop keeps running while the stream drains.
class DownloadWorker : public Napi::AsyncWorker {
 public:
  DownloadWorker(Napi::Env env, std::string context, const void* src, size_t bytes)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), context_(std::move(context)),
        src_(src), buffer_(new uint8_t[bytes > 0 ? bytes : 1]), bytes_(bytes) {}
  Napi::Promise promise() { return deferred_.Promise(); }

 protected:
  void Execute() override { status_ = strata_copy_to_host(buffer_.get(), src_, bytes_); }
  void OnOK() override {
    Napi::Env env = Env();
    if (status_ != 0) {
      try {
        STRATA_CUDA_CHECK(env, status_, context_);
      } catch (const Napi::Error& error) {
        deferred_.Reject(error.Value());
      }
      return;
    }
    Napi::ArrayBuffer out = Napi::ArrayBuffer::New(env, bytes_);
    std::copy(buffer_.get(), buffer_.get() + bytes_, static_cast<uint8_t*>(out.Data()));
    deferred_.Resolve(out);
  }

 private:
  Napi::Promise::Deferred deferred_;
  std::string context_;
  const void* src_;
  std::unique_ptr<uint8_t[]> buffer_;
  size_t bytes_;
  int status_ = 0;
};

Napi::Value DownloadAsync(const Napi::CallbackInfo& info) {
  Args a(info);
  auto* worker = new DownloadWorker(a.env(), a.context(), a.pointer(1), static_cast<size_t>(a.i64(2)));
  Napi::Promise promise = worker->promise();
  worker->Queue();
  return promise;
}

void CopyDevice(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_copy_device(a.pointer(1), a.pointer(2), static_cast<size_t>(a.i64(3))));
}

void Memset(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_memset(a.pointer(1), a.i32(2), static_cast<size_t>(a.i64(3))));
}

void Synchronize(const Napi::CallbackInfo& info) {
  Args a(info);
  CHECK(strata_synchronize());
}

// ---- cuBLAS ----

// Owned here and released by the environment's cleanup hook, while the CUDA context still exists
// (static destructors would run after the driver has torn it down).
std::unique_ptr<Cublas>& cublasSlot() {
  static std::unique_ptr<Cublas> slot;
  return slot;
}

Cublas& cublasLibrary() {
  std::unique_ptr<Cublas>& slot = cublasSlot();
  if (!slot) slot = std::make_unique<Cublas>();
  return *slot;
}

Napi::Value LoadCublas(const Napi::CallbackInfo& info) {
  Args a(info);
  std::vector<LoadAttempt> attempts = cublasLibrary().load(a.strings(1));
  Napi::Array tried = Napi::Array::New(a.env(), attempts.size());
  for (size_t i = 0; i < attempts.size(); ++i) {
    Napi::Object attempt = Napi::Object::New(a.env());
    attempt.Set("path", attempts[i].path);
    attempt.Set("error", attempts[i].error);
    tried.Set(static_cast<uint32_t>(i), attempt);
  }
  Napi::Object out = Napi::Object::New(a.env());
  out.Set("loaded", cublasLibrary().loaded() ? Napi::Value(Napi::String::New(a.env(), cublasLibrary().path()))
                                             : a.env().Null());
  out.Set("tried", tried);
  return out;
}

// C = alpha·op(A)·op(B) + beta·C in cuBLAS's column-major terms, batched with strides (0 broadcasts).
// Args: context, transA, transB, m, n, k, A, lda, strideA, B, ldb, strideB, C, ldc, strideC, batch, tf32,
// alpha, beta.
void Gemm(const Napi::CallbackInfo& info) {
  Args a(info);
  Cublas& lib = cublasLibrary();
  if (!lib.loaded()) throw Napi::Error::New(a.env(), a.context() + ": cuBLAS is not loaded");
  STRATA_CUBLAS_CHECK(a.env(), lib.ensureHandle(strata_stream()), a.context());
  bool tf32 = a.i32(16) != 0;
  STRATA_CUBLAS_CHECK(a.env(), lib.setMathMode(lib.handle(), tf32 ? cublas::TF32_TENSOR_OP_MATH : cublas::DEFAULT_MATH),
                      a.context());
  float alpha = a.f32(17), beta = a.f32(18);
  STRATA_CUBLAS_CHECK(
      a.env(),
      lib.gemmStridedBatchedEx(lib.handle(), a.i32(1) ? cublas::OP_T : cublas::OP_N, a.i32(2) ? cublas::OP_T : cublas::OP_N,
                               a.i32(3), a.i32(4), a.i32(5), &alpha, a.pointer(6), cublas::R_32F, a.i32(7), a.i64(8),
                               a.pointer(9), cublas::R_32F, a.i32(10), a.i64(11), &beta, a.pointer(12), cublas::R_32F,
                               a.i32(13), a.i64(14), a.i32(15),
                               tf32 ? cublas::COMPUTE_32F_FAST_TF32 : cublas::COMPUTE_32F, cublas::GEMM_DEFAULT),
      a.context());
}

Napi::Value CublasVersion(const Napi::CallbackInfo& info) {
  Args a(info);
  Cublas& lib = cublasLibrary();
  if (!lib.loaded()) throw Napi::Error::New(a.env(), a.context() + ": cuBLAS is not loaded");
  STRATA_CUBLAS_CHECK(a.env(), lib.ensureHandle(strata_stream()), a.context());
  int version = 0;
  STRATA_CUBLAS_CHECK(a.env(), lib.getVersion(lib.handle(), &version), a.context());
  return Napi::Number::New(a.env(), version);
}

}  // namespace

void registerDeviceFunctions(Napi::Env env, Napi::Object exports) {
  exports.Set("deviceCount", Napi::Function::New(env, DeviceCount));
  exports.Set("versions", Napi::Function::New(env, Versions));
  exports.Set("init", Napi::Function::New(env, Init));
  exports.Set("memInfo", Napi::Function::New(env, MemInfo));
  exports.Set("malloc", Napi::Function::New(env, Malloc));
  exports.Set("free", Napi::Function::New(env, Free));
  exports.Set("upload", Napi::Function::New(env, Upload));
  exports.Set("download", Napi::Function::New(env, Download));
  exports.Set("downloadAsync", Napi::Function::New(env, DownloadAsync));
  exports.Set("copyDevice", Napi::Function::New(env, CopyDevice));
  exports.Set("memset", Napi::Function::New(env, Memset));
  exports.Set("synchronize", Napi::Function::New(env, Synchronize));
  exports.Set("loadCublas", Napi::Function::New(env, LoadCublas));
  exports.Set("gemm", Napi::Function::New(env, Gemm));
  exports.Set("cublasVersion", Napi::Function::New(env, CublasVersion));
  env.AddCleanupHook([]() { cublasSlot().reset(); });
}

}  // namespace strata
