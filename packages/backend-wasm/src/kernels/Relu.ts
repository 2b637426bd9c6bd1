/**
 * Relu on the wasm backend: `max(x, 0)` with NaN kept, four floats at a time (`clamp.ts`). The stock
 * kernel (XNNPACK) compares the float's bits as integers, so a NaN with its sign bit set, which arithmetic
 * makes (NaN - ∞, 0 · -∞), came out as 0: `relu(neg - pos + 1)` in the categorical hinge loss reported 0
 * for an infinite prediction where TensorFlow and the cpu backend give NaN.
 */
import { Relu } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { input } from '../kernel-args';
import { clampTensor } from '../clamp';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** Relu of a float32 tensor. */
export const relu: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const x = input(Relu, args.inputs, 'x');
  if (x.dtype !== 'float32') return stockKernel(Relu).kernelFunc(args);
  return clampTensor(asWasmBackend(args.backend, Relu), x, 0, Infinity);
};

/** Registration of `relu` for the wasm backend; its setup is the stock kernel's, which it hands other dtypes to. */
export const reluConfig: KernelConfig = {
  kernelName: Relu,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(Relu).setupFunc?.(backend),
  kernelFunc: relu,
};
