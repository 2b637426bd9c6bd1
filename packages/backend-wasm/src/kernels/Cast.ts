/**
 * Cast on the wasm backend: a cast to the dtype the tensor already has (the ReLU gradient casts its
 * float32 input to float32, and so do many ops that normalise their arguments) shares the buffer instead
 * of copying it, as Identity does. Casts between dtypes go to the stock kernel.
 */
import { Cast } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { input, stringAttr } from '../kernel-args';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** `x` as `dtype`; see the file comment. */
export const cast: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const x = input(Cast, args.inputs, 'x');
  const dtype = stringAttr(Cast, args.attrs, 'dtype');
  if (dtype !== x.dtype || x.dtype === 'string') return stockKernel(Cast).kernelFunc(args);
  asWasmBackend(args.backend, Cast).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
};

/** Registration of `cast` for the wasm backend; its setup is the stock kernel's, which it hands real conversions to. */
export const castConfig: KernelConfig = {
  kernelName: Cast,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(Cast).setupFunc?.(backend),
  kernelFunc: cast,
};
