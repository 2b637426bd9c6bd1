import { Reverse, type KernelConfig, util } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { runCopy } from '../kernel-families/copy';
import { requireInput } from '../kernel-inputs';
import { reverseView } from '../strided-view';

/** Reverse: flips the given axes (a copy with negative strides). */
export const reverseConfig: KernelConfig = {
  kernelName: Reverse,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const x = requireInput(Reverse, inputs, 'x');
    const axes = util.parseAxisParam(attrs?.['dims'] as number | number[], x.shape);
    return runCopy(backend as CudaBackend, Reverse, x, reverseView(x.shape, axes));
  },
};
