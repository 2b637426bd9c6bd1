import { ExpandDims, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';

/** ExpandDims: inserts a size-1 axis at `dim` (negative counts from the end); no copy. */
export const expandDimsConfig: KernelConfig = {
  kernelName: ExpandDims,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const x = requireInput(ExpandDims, inputs, 'input');
    const dim = Number(attrs?.['dim']);
    const at = dim < 0 ? x.shape.length + 1 + dim : dim;
    const shape = [...x.shape];
    shape.splice(at, 0, 1);
    return (backend as CudaBackend).share(x, shape);
  },
};
