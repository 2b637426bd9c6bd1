import { _FusedMatMul, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { applyBiasActivation, type FusedActivation } from '../kernel-families/fused-activation';
import { runMatMul } from '../kernel-families/matmul';
import { optionalInput, requireInput } from '../kernel-inputs';

/** _FusedMatMul: activation(op(a)·op(b) + bias), the GEMM by cuBLAS and bias + activation as one kernel. */
export const fusedMatMulConfig: KernelConfig = {
  kernelName: _FusedMatMul,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const y = runMatMul(backend, _FusedMatMul, requireInput(_FusedMatMul, inputs, 'a'), requireInput(_FusedMatMul, inputs, 'b'), Boolean(attrs?.['transposeA']), Boolean(attrs?.['transposeB']));
    return applyBiasActivation(
      backend,
      _FusedMatMul,
      y,
      optionalInput(inputs, 'bias'),
      ((attrs?.['activation'] as FusedActivation | undefined) ?? 'linear'),
      optionalInput(inputs, 'preluActivationWeights'),
      Number(attrs?.['leakyreluAlpha'] ?? 0.2),
    );
  },
};
