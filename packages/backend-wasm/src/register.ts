/**
 * The one list of kernels this package adds to or replaces in the wasm backend, and their registration.
 */
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { avgPoolGradConfig } from './kernels/AvgPoolGrad';
import { batchMatMulConfig } from './kernels/BatchMatMul';
import { conv2DBackpropFilterConfig } from './kernels/Conv2DBackpropFilter';
import { conv2DBackpropInputConfig } from './kernels/Conv2DBackpropInput';
import { depthwiseConv2dNativeBackpropFilterConfig } from './kernels/DepthwiseConv2dNativeBackpropFilter';
import { depthwiseConv2dNativeBackpropInputConfig } from './kernels/DepthwiseConv2dNativeBackpropInput';
import { maxPoolGradConfig } from './kernels/MaxPoolGrad';
import { unsortedSegmentSumConfig } from './kernels/UnsortedSegmentSum';
import { fusedMatMulConfig } from './kernels/_FusedMatMul';

/** Every kernel Strata registers for the wasm backend. */
export const STRATA_WASM_KERNELS: readonly KernelConfig[] = [
  batchMatMulConfig,
  fusedMatMulConfig,
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  depthwiseConv2dNativeBackpropFilterConfig,
  depthwiseConv2dNativeBackpropInputConfig,
  unsortedSegmentSumConfig,
  maxPoolGradConfig,
  avgPoolGradConfig,
];

/** Registers Strata's kernels for 'wasm', replacing stock kernels of the same name. */
export function registerStrataKernels(): void {
  for (const config of STRATA_WASM_KERNELS) {
    if (getKernel(config.kernelName, config.backendName) !== undefined) unregisterKernel(config.kernelName, config.backendName);
    registerKernel(config);
  }
}
