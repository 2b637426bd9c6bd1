import type { KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { StrataRandomNormal } from '../custom-kernels';
import { randomSeed } from '../kernel-families/random-seed';
import { sizeOf } from '../strides';

/** StrataRandomNormal: a float32 tensor drawn on the device (Philox4x32-10, so a seed reproduces it exactly). */
export const strataRandomNormalConfig: KernelConfig = {
  kernelName: StrataRandomNormal,
  backendName: 'cuda',
  kernelFunc: ({ backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const shape = attrs?.['shape'] as number[];
    const y = backend.makeOutput([...shape], 'float32');
    const code = backend.codes.random['normal'] ?? -1;
    backend.native.random(`StrataRandomNormal([${shape.join(', ')}])`, code, backend.address(y), sizeOf(shape), randomSeed(StrataRandomNormal, attrs?.['seed']), Number(attrs?.['mean']), Number(attrs?.['stdDev']));
    return y;
  },
};
