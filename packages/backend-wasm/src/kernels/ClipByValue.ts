/**
 * ClipByValue on the wasm backend. The stock kernel runs XNNPACK's clamp, which turns NaN into the lower
 * bound: `clipByValue(NaN, 1e-7, 1 - 1e-7)` gave 1e-7, so the cross-entropies (which clip probabilities)
 * reported a finite loss of 16.118 for NaN predictions, and `TerminateOnNaN` never fired. Here NaN stays
 * NaN, as in TensorFlow and the cpu backend (`clamp.ts`); ±Infinity clip to the bounds.
 */
import { ClipByValue } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { input, numberAttr } from '../kernel-args';
import { clampTensor } from '../clamp';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend } from '../wasm-backend';

/** Clips a float32 tensor elementwise to `[clipValueMin, clipValueMax]`. */
export const clipByValue: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const x = input(ClipByValue, args.inputs, 'x');
  if (x.dtype !== 'float32') return stockKernel(ClipByValue).kernelFunc(args);
  const lo = numberAttr(ClipByValue, args.attrs, 'clipValueMin');
  const hi = numberAttr(ClipByValue, args.attrs, 'clipValueMax');
  return clampTensor(asWasmBackend(args.backend, ClipByValue), x, lo, hi);
};

/** Registration of `clipByValue` for the wasm backend; its setup is the stock kernel's, which it hands other dtypes to. */
export const clipByValueConfig: KernelConfig = {
  kernelName: ClipByValue,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(ClipByValue).setupFunc?.(backend),
  kernelFunc: clipByValue,
};
