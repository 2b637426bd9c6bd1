/**
 * The stock tfjs-backend-wasm kernels that Strata's replacements still hand some cases to (a replacement
 * that only takes over the shapes where the stock kernel is slow). Recorded by `registerStrataKernels`
 * just before it replaces them.
 */
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';

const stock = new Map<string, KernelConfig>();

/** Remembers the stock kernel `config` replaces; the first one seen wins, so registering twice keeps it. */
export function recordStockKernel(config: KernelConfig): void {
  if (!stock.has(config.kernelName)) stock.set(config.kernelName, config);
}

/** The stock wasm kernel named `kernelName`, as registered before Strata replaced it. */
export function stockKernel(kernelName: string): KernelConfig {
  const config = stock.get(kernelName);
  if (config === undefined) throw new BackendError(`${kernelName}: the stock wasm kernel was not recorded before Strata replaced it`);
  return config;
}
