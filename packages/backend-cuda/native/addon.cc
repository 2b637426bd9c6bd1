// Module entry: the device and kernel functions, and the op-code tables.
#include <napi.h>

#include "ops.h"

Napi::Object InitAddon(Napi::Env env, Napi::Object exports) {
  strata::registerDeviceFunctions(env, exports);
  strata::registerKernelFunctions(env, exports);
  return exports;
}

NODE_API_MODULE(strata_cuda, InitAddon)
