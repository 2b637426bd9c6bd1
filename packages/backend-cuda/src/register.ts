/**
 * Registering the backend: importing the package registers `'cuda'` with tfjs-core when the addon is
 * built, and its kernels. Starting the device waits until the backend is first used, so importing the
 * package on a machine without a GPU costs nothing and `unavailableReason()` can explain.
 */
import { getKernel, registerBackend, registerKernel } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import { CudaBackend } from './cuda-backend';
import { defaultProbeEnvironment, probeRuntime, type RuntimeProbe } from './cuda-runtime';
import { kernelConfigs } from './kernels';

/** The backend's name in tfjs-core's registry. */
export const CUDA_BACKEND_NAME = 'cuda';

/**
 * Below tfjs-backend-cpu (1) and wasm (2): importing this package never changes which backend tfjs-core
 * picks by itself; Strata selects 'cuda' only through `setBackend('cuda')` or `STRATA_BACKEND=cuda`.
 */
const PRIORITY = 0;

let probe: RuntimeProbe | null = null;

/** Brings the GPU up once and remembers the outcome. */
export function runtimeProbe(): RuntimeProbe {
  probe ??= probeRuntime(defaultProbeEnvironment());
  return probe;
}

/**
 * Why `setBackend('cuda')` cannot succeed on this machine (no addon, no driver, no GPU, no cuBLAS), or
 * null when it can. Starts the device on first call.
 */
export function unavailableReason(): string | null {
  const p = runtimeProbe();
  return p.ok ? null : p.reason;
}

/** Registers the backend factory and every kernel; safe to call more than once. */
export function registerCudaBackend(): void {
  for (const config of kernelConfigs) {
    if (getKernel(config.kernelName, CUDA_BACKEND_NAME) === undefined) registerKernel(config);
  }
  registerBackend(
    CUDA_BACKEND_NAME,
    () => {
      const p = runtimeProbe();
      if (!p.ok) throw new BackendError(`cuda backend: ${p.reason}`);
      return new CudaBackend(p.runtime);
    },
    PRIORITY,
  );
}
