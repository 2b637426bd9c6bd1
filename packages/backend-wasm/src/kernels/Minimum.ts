/**
 * Minimum on the wasm backend, for float32: NaN in either input gives NaN, as in TensorFlow, NumPy and the
 * cpu backend. The stock kernel (XNNPACK) returned the other input when the second was NaN
 * (`minimum(1, NaN)` = 1).
 */
import { Minimum } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { mapBinary } from '../elementwise';
import { input } from '../kernel-args';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** The smaller of `x` and `y`, NaN if either is NaN. */
export function nanMinimum(x: number, y: number): number {
  return x !== x || x < y ? x : y;
}

/** Elementwise minimum with broadcasting. */
export const minimum: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const a = input(Minimum, args.inputs, 'a');
  const b = input(Minimum, args.inputs, 'b');
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return stockKernel(Minimum).kernelFunc(args);
  return mapBinary(asWasmBackend(args.backend, Minimum), a, b, 'float32', nanMinimum);
};

/** Registration of `minimum` for the wasm backend; its setup is the stock kernel's, which it hands int32 to. */
export const minimumConfig: KernelConfig = {
  kernelName: Minimum,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(Minimum).setupFunc?.(backend),
  kernelFunc: minimum,
};
