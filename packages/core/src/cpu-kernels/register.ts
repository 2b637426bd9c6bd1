/**
 * Strata's replacements for kernels of tfjs's cpu backend that give wrong answers. They are registered
 * once the backend's own kernels are (a later registration replaces an earlier one under the same name),
 * so `registerCpuKernels` runs when the cpu backend is selected, and at import if it is already loaded.
 */
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { unsortedSegmentSumConfig } from './UnsortedSegmentSum';

/** Every kernel Strata registers for 'cpu'. */
export const STRATA_CPU_KERNELS: readonly KernelConfig[] = [unsortedSegmentSumConfig];

/** Whether tfjs-backend-cpu has registered its kernels. */
export function cpuBackendLoaded(): boolean {
  const registered = getKernel('Add', 'cpu');
  return registered !== undefined;
}

/** Registers Strata's cpu kernels over the stock ones of the same names. */
export function registerCpuKernels(): void {
  for (const config of STRATA_CPU_KERNELS) {
    if (getKernel(config.kernelName, 'cpu') === config) continue;
    if (getKernel(config.kernelName, 'cpu') !== undefined) unregisterKernel(config.kernelName, 'cpu');
    registerKernel(config);
  }
}
