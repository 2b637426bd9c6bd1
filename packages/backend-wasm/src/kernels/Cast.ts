/**
 * Cast on the wasm backend: a cast to the dtype the tensor already has (the ReLU gradient casts its
 * float32 input to float32, and so do many ops that normalise their arguments) shares the buffer instead
 * of copying it, as Identity does. A cast to bool is `x != 0` (so NaN and ±Infinity are true, as in
 * TensorFlow): the stock kernel converted the number to a byte instead (-1 became 255, 0.5 became 0,
 * NaN became 0). Other casts between dtypes go to the stock kernel.
 */
import { Cast } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { mapUnary } from '../elementwise';
import { input, stringAttr } from '../kernel-args';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** `x` as `dtype`; see the file comment. */
export const cast: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const x = input(Cast, args.inputs, 'x');
  const dtype = stringAttr(Cast, args.attrs, 'dtype');
  const wasm = asWasmBackend(args.backend, Cast);
  if (dtype === 'bool' && (x.dtype === 'float32' || x.dtype === 'int32')) return mapUnary(wasm, x, 'bool', (v) => (v !== 0 ? 1 : 0));
  if (dtype !== x.dtype || x.dtype === 'string') return stockKernel(Cast).kernelFunc(args);
  wasm.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
};

/** Registration of `cast` for the wasm backend; its setup is the stock kernel's, which it hands real conversions to. */
export const castConfig: KernelConfig = {
  kernelName: Cast,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(Cast).setupFunc?.(backend),
  kernelFunc: cast,
};
