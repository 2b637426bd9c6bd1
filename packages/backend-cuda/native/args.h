// Reads a native call's arguments. Every call passes a context string first (the kernel and its
// shapes, built by the TypeScript side); a malformed argument is reported with that context.
#pragma once
#include <napi.h>

#include <cstdint>
#include <string>
#include <vector>

namespace strata {

class Args {
 public:
  explicit Args(const Napi::CallbackInfo& info)
      : info_(info), context_(info.Length() > 0 && info[0].IsString() ? info[0].As<Napi::String>().Utf8Value()
                                                                       : std::string("(no context)")) {}

  Napi::Env env() const { return info_.Env(); }
  const std::string& context() const { return context_; }

  double number(size_t i) const {
    if (i >= info_.Length() || !info_[i].IsNumber()) fail(i, "a number");
    return info_[i].As<Napi::Number>().DoubleValue();
  }
  int64_t i64(size_t i) const { return static_cast<int64_t>(number(i)); }
  int i32(size_t i) const { return static_cast<int>(number(i)); }
  float f32(size_t i) const { return static_cast<float>(number(i)); }

  // A device address travels as a JS number: addresses are below 2^53 (x86-64 and aarch64 user space).
  void* pointer(size_t i) const { return reinterpret_cast<void*>(static_cast<uintptr_t>(number(i))); }
  template <typename T>
  T* typed(size_t i) const { return static_cast<T*>(pointer(i)); }

  std::vector<int64_t> dims(size_t i) const {
    if (i >= info_.Length() || !info_[i].IsArray()) fail(i, "an array of numbers");
    Napi::Array array = info_[i].As<Napi::Array>();
    std::vector<int64_t> out(array.Length());
    for (uint32_t k = 0; k < array.Length(); ++k) out[k] = static_cast<int64_t>(array.Get(k).As<Napi::Number>().DoubleValue());
    return out;
  }

  std::vector<std::string> strings(size_t i) const {
    if (i >= info_.Length() || !info_[i].IsArray()) fail(i, "an array of strings");
    Napi::Array array = info_[i].As<Napi::Array>();
    std::vector<std::string> out;
    for (uint32_t k = 0; k < array.Length(); ++k) out.push_back(array.Get(k).As<Napi::String>().Utf8Value());
    return out;
  }

  Napi::Object object(size_t i) const {
    if (i >= info_.Length() || !info_[i].IsObject()) fail(i, "an object");
    return info_[i].As<Napi::Object>();
  }

  bool isNull(size_t i) const { return i >= info_.Length() || info_[i].IsNull() || info_[i].IsUndefined(); }

  Napi::TypedArray typedArray(size_t i) const {
    if (i >= info_.Length() || !info_[i].IsTypedArray()) fail(i, "a typed array");
    return info_[i].As<Napi::TypedArray>();
  }

  [[noreturn]] void fail(size_t i, const char* expected) const {
    throw Napi::TypeError::New(env(), context_ + ": native argument " + std::to_string(i) + " must be " + expected);
  }

 private:
  const Napi::CallbackInfo& info_;
  std::string context_;
};

}  // namespace strata
