import { ZerosLike, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** ZerosLike: zeros of x's shape and dtype. */
export const zerosLikeConfig: KernelConfig = {
  kernelName: ZerosLike,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b }) => {
    const backend = b as CudaBackend;
    const x = requireInput(ZerosLike, inputs, 'x');
    const y = backend.makeOutput([...x.shape], x.dtype);
    backend.native.fill(backend.context(ZerosLike, x), backend.dtypeCode(x.dtype, ZerosLike), backend.address(y), sizeOf(x.shape), 0);
    return y;
  },
};
