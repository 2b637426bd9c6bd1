/**
 * `min(max(x, lo), hi)` over a float32 tensor with NaN kept: the one loop behind Strata's Relu (lo 0,
 * hi ∞), Relu6 (0, 6) and ClipByValue, in the native module (`native/clamp.c`, four floats at a time), or
 * in JavaScript where WebAssembly SIMD is missing. The stock kernels turned NaN into the lower bound
 * (XNNPACK's clamp) or, for NaN with its sign bit set, into 0 (XNNPACK's ReLU compares bits as integers).
 */
import { util } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { nativeKernels } from './native-kernels';
import { f32, memoryOffset, type WasmBackend } from './wasm-backend';

/** `x` clipped to `[lo, hi]`, NaN kept (the comparisons are false for NaN). */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * `x` clipped to `[lo, hi]`, NaN kept, written into `out` (by default a new float32 tensor of `x`'s
 * shape; `x` itself to clip in place a temporary the caller owns).
 */
export function clampTensor(backend: WasmBackend, x: TensorInfo, lo: number, hi: number, out = backend.makeOutput(x.shape, 'float32')): TensorInfo {
  const n = util.sizeFromShape(x.shape);
  const native = nativeKernels(backend);
  if (native !== null) {
    native.exports.clamp(memoryOffset(backend, x), memoryOffset(backend, out), n, lo, hi);
    return out;
  }
  const src = f32(backend, x);
  const dst = f32(backend, out);
  for (let i = 0; i < n; i++) dst[i] = clamp(src[i] as number, lo, hi);
  return out;
}
