/**
 * Prelu on the wasm backend: `x < 0 ? alpha·x : x` with `alpha` broadcast against `x` both ways. The stock
 * kernel assumes the output has `x`'s shape, so an `alpha` that broadcasts `x` up (`x` [5, 1, 5] with
 * `alpha` [6, 5]) gave a [5, 1, 5] result instead of the [5, 6, 5] tfjs-core and the cpu backend give.
 * NaN stays NaN (the comparison is false).
 */
import { Prelu } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { mapBinary } from '../elementwise';
import { input } from '../kernel-args';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** Parametric ReLU of float32 tensors. */
export const prelu: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const x = input(Prelu, args.inputs, 'x');
  const alpha = input(Prelu, args.inputs, 'alpha');
  if (x.dtype !== 'float32' || alpha.dtype !== 'float32') return stockKernel(Prelu).kernelFunc(args);
  return mapBinary(asWasmBackend(args.backend, Prelu), x, alpha, 'float32', (v, a) => (v < 0 ? a * v : v));
};

/** Registration of `prelu` for the wasm backend; its setup is the stock kernel's, which it hands other dtypes to. */
export const preluConfig: KernelConfig = {
  kernelName: Prelu,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(Prelu).setupFunc?.(backend),
  kernelFunc: prelu,
};
