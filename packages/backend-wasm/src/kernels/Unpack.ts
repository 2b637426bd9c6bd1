/**
 * Unpack (`tf.unstack`) on the wasm backend in one pass over the input. The stock kernel cuts each output
 * with the stock Slice, which first reads the whole input back to JavaScript, so unstacking `n` pieces
 * copied the input `n` times: 39 ms per step for the `[28, 128, 256]` input projections of the rnn-mnist
 * SimpleRNN (28 copies of 3.7 MB), under 0.3 ms here. float32 and int32; other dtypes go to the stock kernel.
 */
import { Unpack } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument } from '@strata-ml/core';
import { input, numberAttr } from '../kernel-args';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend, f32, i32 } from '../wasm-backend';

/** The slices of `value` along `axis`, each without that axis. */
export const unpack: KernelFunc = (args): TensorInfo[] => {
  const value = input(Unpack, args.inputs, 'value');
  if (value.dtype !== 'float32' && value.dtype !== 'int32') return stockKernel(Unpack).kernelFunc(args) as TensorInfo[];
  const wasm = asWasmBackend(args.backend, Unpack);
  const rank = value.shape.length;
  const given = numberAttr(Unpack, args.attrs, 'axis', 0);
  const axis = given < 0 ? given + rank : given;
  if (!Number.isInteger(axis) || axis < 0 || axis >= rank) throw invalidArgument(Unpack, 'axis', `an integer in [${-rank}, ${rank})`, given);
  const count = value.shape[axis] as number;
  const outer = value.shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const inner = value.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const outShape = [...value.shape.slice(0, axis), ...value.shape.slice(axis + 1)];
  const outs = Array.from({ length: count }, () => wasm.makeOutput(outShape, value.dtype));
  // Views only after every allocation: an allocation may grow, and so detach, the heap.
  const view = value.dtype === 'float32' ? f32 : i32;
  const src = view(wasm, value);
  outs.forEach((out, i) => {
    const dst = view(wasm, out);
    for (let o = 0; o < outer; o++) {
      const from = (o * count + i) * inner;
      dst.set(src.subarray(from, from + inner), o * inner);
    }
  });
  return outs;
};

/** Registration of `unpack` for the wasm backend. */
export const unpackConfig: KernelConfig = { kernelName: Unpack, backendName: 'wasm', kernelFunc: unpack };
