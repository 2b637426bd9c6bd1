import { Transpose, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { runTranspose } from '../kernel-families/copy';
import { requireInput } from '../kernel-inputs';

/** Transpose: out axis d is input axis perm[d]. */
export const transposeConfig: KernelConfig = {
  kernelName: Transpose,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => runTranspose(backend as CudaBackend, Transpose, requireInput(Transpose, inputs, 'x'), attrs?.['perm'] as number[]),
};
