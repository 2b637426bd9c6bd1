/**
 * A stock fused convolution kernel whose relu or relu6 activation is applied afterwards, in place, by the
 * NaN-keeping clamp of Strata's Relu and Relu6 (`clamp.ts`). XNNPACK clamps the fused output in a
 * way that turns NaN into 0 (any NaN under relu6, NaN with its sign bit set under relu), so the
 * convolution runs with a linear activation first. Other activations are the stock kernel's own.
 */
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { clampTensor } from './clamp';
import { stockKernel } from './stock-kernels';
import { asWasmBackend } from './wasm-backend';

/** The upper bound of each activation taken apart; the lower bound is 0. */
const UPPER_BOUND: Readonly<Record<string, number>> = { relu: Infinity, relu6: 6 };

/** The kernel function of `kernelName` with its relu and relu6 activations taken apart. */
export function clampingActivationAfter(kernelName: string): KernelFunc {
  return (args): TensorInfo | TensorInfo[] => {
    const stock = stockKernel(kernelName).kernelFunc;
    const hi = UPPER_BOUND[String(args.attrs?.['activation'])];
    if (hi === undefined) return stock(args);
    const linear = stock({ ...args, attrs: { ...args.attrs, activation: 'linear' } }) as TensorInfo;
    // The linear result is this kernel's own until it returns it: clipped in place.
    return clampTensor(asWasmBackend(args.backend, kernelName), linear, 0, hi, linear);
  };
}
