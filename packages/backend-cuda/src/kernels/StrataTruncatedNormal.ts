import type { KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { StrataTruncatedNormal } from '../custom-kernels';
import { randomSeed } from '../kernel-families/random-seed';
import { sizeOf } from '../strides';

/** StrataTruncatedNormal: a float32 tensor drawn on the device (Philox4x32-10, so a seed reproduces it exactly). */
export const strataTruncatedNormalConfig: KernelConfig = {
  kernelName: StrataTruncatedNormal,
  backendName: 'cuda',
  kernelFunc: ({ backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const shape = attrs?.['shape'] as number[];
    const y = backend.makeOutput([...shape], 'float32');
    const code = backend.codes.random['truncatedNormal'] ?? -1;
    backend.native.random(`StrataTruncatedNormal([${shape.join(', ')}])`, code, backend.address(y), sizeOf(shape), randomSeed(StrataTruncatedNormal, attrs?.['seed']), Number(attrs?.['mean']), Number(attrs?.['stdDev']));
    return y;
  },
};
