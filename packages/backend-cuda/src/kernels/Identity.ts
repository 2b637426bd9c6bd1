import { Identity, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';

/** Identity: the same data under a new tensor (no copy: tensors are immutable). */
export const identityConfig: KernelConfig = {
  kernelName: Identity,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend }) => {
    const x = requireInput(Identity, inputs, 'x');
    return (backend as CudaBackend).share(x, [...x.shape]);
  },
};
