import { BatchMatMul, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { runMatMul } from '../kernel-families/matmul';
import { requireInput } from '../kernel-inputs';

/** BatchMatMul: op(a)·op(b) per batch matrix, through cuBLAS (TF32 when the backend's tf32 option is on). */
export const batchMatMulConfig: KernelConfig = {
  kernelName: BatchMatMul,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) =>
    runMatMul(
      backend as CudaBackend,
      BatchMatMul,
      requireInput(BatchMatMul, inputs, 'a'),
      requireInput(BatchMatMul, inputs, 'b'),
      Boolean(attrs?.['transposeA']),
      Boolean(attrs?.['transposeB']),
    ),
};
