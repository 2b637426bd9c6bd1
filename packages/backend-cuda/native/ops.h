// The addon's exported functions: device and memory, cuBLAS, and one launcher per kernel family.
#pragma once
#include <napi.h>

namespace strata {

void registerDeviceFunctions(Napi::Env env, Napi::Object exports);
void registerKernelFunctions(Napi::Env env, Napi::Object exports);

}  // namespace strata
