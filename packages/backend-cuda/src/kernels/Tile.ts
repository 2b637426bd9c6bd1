import { Tile, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';

/** Tile: x repeated reps[d] times along each axis d. */
export const tileConfig: KernelConfig = {
  kernelName: Tile,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const x = requireInput(Tile, inputs, 'x');
    const reps = attrs?.['reps'] as number[];
    const outShape = x.shape.map((d, i) => d * (reps[i] ?? 1));
    const y = backend.makeOutput(outShape, x.dtype);
    backend.native.tile(backend.context(Tile, x), backend.address(x), backend.address(y), [...x.shape], outShape);
    return y;
  },
};
