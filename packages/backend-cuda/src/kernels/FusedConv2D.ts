import { FusedConv2D, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { convGeometry, runConv2D } from '../kernel-families/conv';
import { conv2dInfo } from '../kernel-families/conv-info';
import { applyBiasActivation, type FusedActivation } from '../kernel-families/fused-activation';
import { optionalInput, requireInput } from '../kernel-inputs';

/** FusedConv2D: activation(conv2d(x, filter) + bias), the epilogue as one kernel over the NHWC output. */
export const fusedConv2DConfig: KernelConfig = {
  kernelName: FusedConv2D,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const x = requireInput(FusedConv2D, inputs, 'x');
    const filter = requireInput(FusedConv2D, inputs, 'filter');
    const g = convGeometry(FusedConv2D, conv2dInfo(x.shape, filter.shape, attrs ?? {}));
    const y = runConv2D(backend, FusedConv2D, x, filter, g);
    return applyBiasActivation(
      backend,
      FusedConv2D,
      y,
      optionalInput(inputs, 'bias'),
      ((attrs?.['activation'] as FusedActivation | undefined) ?? 'linear'),
      optionalInput(inputs, 'preluActivationWeights'),
      Number(attrs?.['leakyreluAlpha'] ?? 0.2),
    );
  },
};
