import type { KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { StrataRandomUniform } from '../custom-kernels';
import { randomSeed } from '../kernel-families/random-seed';
import { sizeOf } from '../strides';

/** StrataRandomUniform: a float32 tensor drawn on the device (Philox4x32-10, so a seed reproduces it exactly). */
export const strataRandomUniformConfig: KernelConfig = {
  kernelName: StrataRandomUniform,
  backendName: 'cuda',
  kernelFunc: ({ backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const shape = attrs?.['shape'] as number[];
    const y = backend.makeOutput([...shape], 'float32');
    const code = backend.codes.random['uniform'] ?? -1;
    backend.native.random(`StrataRandomUniform([${shape.join(', ')}])`, code, backend.address(y), sizeOf(shape), randomSeed(StrataRandomUniform, attrs?.['seed']), Number(attrs?.['minval']), Number(attrs?.['maxval']));
    return y;
  },
};
