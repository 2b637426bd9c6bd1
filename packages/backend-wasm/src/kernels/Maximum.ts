/**
 * Maximum on the wasm backend, for float32: NaN in either input gives NaN, as in TensorFlow, NumPy and the
 * cpu backend. The stock kernel (XNNPACK) returned the other input when the second was NaN
 * (`maximum(1, NaN)` = 1), so the hinge losses, built on `maximum(…, 0)`, reported 0 for NaN predictions.
 */
import { Maximum } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { mapBinary } from '../elementwise';
import { input } from '../kernel-args';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** The larger of `x` and `y`, NaN if either is NaN. */
export function nanMaximum(x: number, y: number): number {
  return x !== x || x > y ? x : y;
}

/** Elementwise maximum with broadcasting. */
export const maximum: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const a = input(Maximum, args.inputs, 'a');
  const b = input(Maximum, args.inputs, 'b');
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return stockKernel(Maximum).kernelFunc(args);
  return mapBinary(asWasmBackend(args.backend, Maximum), a, b, 'float32', nanMaximum);
};

/** Registration of `maximum` for the wasm backend; its setup is the stock kernel's, which it hands int32 to. */
export const maximumConfig: KernelConfig = {
  kernelName: Maximum,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(Maximum).setupFunc?.(backend),
  kernelFunc: maximum,
};
