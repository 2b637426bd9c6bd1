import { Reshape, type KernelConfig, util } from '@tensorflow/tfjs-core';
import { BackendError, formatShape } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';

/** Reshape: the same data under another shape (row-major order is unchanged, so no copy). */
export const reshapeConfig: KernelConfig = {
  kernelName: Reshape,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const x = requireInput(Reshape, inputs, 'x');
    const shape = util.inferFromImplicitShape(attrs?.['shape'] as number[], util.sizeFromShape(x.shape));
    if (util.sizeFromShape(shape) !== util.sizeFromShape(x.shape)) {
      throw new BackendError(`Reshape: cannot reshape ${formatShape(x.shape)} to ${formatShape(shape)}`);
    }
    return (backend as CudaBackend).share(x, shape);
  },
};
