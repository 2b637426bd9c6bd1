/**
 * Relu6 on the wasm backend: `min(max(x, 0), 6)` with NaN kept (`clamp.ts`). The stock kernel is XNNPACK's clamp to
 * [0, 6], which turns NaN into 0 (also after a fused matrix product or convolution with a relu6
 * activation, which applies this kernel), hiding a diverged network's NaN from its loss.
 */
import { Relu6 } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { input } from '../kernel-args';
import { clampTensor } from '../clamp';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** Relu6 of a float32 tensor. */
export const relu6: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const x = input(Relu6, args.inputs, 'x');
  if (x.dtype !== 'float32') return stockKernel(Relu6).kernelFunc(args);
  return clampTensor(asWasmBackend(args.backend, Relu6), x, 0, 6);
};

/** Registration of `relu6` for the wasm backend; its setup is the stock kernel's, which it hands other dtypes to. */
export const relu6Config: KernelConfig = {
  kernelName: Relu6,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(Relu6).setupFunc?.(backend),
  kernelFunc: relu6,
};
