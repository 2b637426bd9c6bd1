/**
 * FusedConv2D on the wasm backend: the stock kernel, except that a relu or relu6 activation is applied
 * afterwards by Strata's NaN-keeping Relu or Relu6 (the stock clamp turned NaN into 0; see
 * `activation-after.ts`).
 */
import { FusedConv2D } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { clampingActivationAfter } from '../activation-after';
import { stockKernel } from '../stock-kernels';

/** Registration of FusedConv2D for the wasm backend; its setup is the stock kernel's. */
export const fusedConv2DConfig: KernelConfig = {
  kernelName: FusedConv2D,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(FusedConv2D).setupFunc?.(backend),
  kernelFunc: clampingActivationAfter(FusedConv2D),
};
