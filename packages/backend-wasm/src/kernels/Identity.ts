/**
 * Identity on the wasm backend without a copy. The stock kernel copies the whole buffer, and tfjs-core's
 * engine calls Identity (through `clone`) for every tensor a kernel saves for its gradient, so each
 * training step copied most of its activations once more: 38 copies per step of the seed MLP, 44 of the
 * CNN of cnn-mnist (~7 ms), 388 of the rnn-mnist SimpleRNN (~4 ms). Tensors are immutable and no kernel
 * writes into its inputs, so the output shares the input's buffer with one more reference, as Reshape does
 * (and as the cpu backend's Identity does).
 */
import { Identity } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { input } from '../kernel-args';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** `x` itself, sharing its buffer. */
export const identity: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const x = input(Identity, args.inputs, 'x');
  // Strings live in JavaScript, not on the heap; the stock kernel handles them.
  if (x.dtype === 'string') return stockKernel(Identity).kernelFunc(args);
  asWasmBackend(args.backend, Identity).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
};

/** Registration of `identity` for the wasm backend. */
export const identityConfig: KernelConfig = { kernelName: Identity, backendName: 'wasm', kernelFunc: identity };
