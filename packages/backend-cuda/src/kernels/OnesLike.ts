import { OnesLike, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** OnesLike: ones of x's shape and dtype. */
export const onesLikeConfig: KernelConfig = {
  kernelName: OnesLike,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b }) => {
    const backend = b as CudaBackend;
    const x = requireInput(OnesLike, inputs, 'x');
    const y = backend.makeOutput([...x.shape], x.dtype);
    backend.native.fill(backend.context(OnesLike, x), backend.dtypeCode(x.dtype, OnesLike), backend.address(y), sizeOf(x.shape), 1);
    return y;
  },
};
