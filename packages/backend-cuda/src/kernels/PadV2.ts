import { PadV2, type KernelConfig } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';

/** PadV2: x surrounded by `paddings[d] = [before, after]` elements of `constantValue` on each axis. */
export const padV2Config: KernelConfig = {
  kernelName: PadV2,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const x = requireInput(PadV2, inputs, 'x');
    const paddings = attrs?.['paddings'] as Array<[number, number]>;
    const before = paddings.map((p) => p[0]);
    const outShape = x.shape.map((d, i) => d + (paddings[i]?.[0] ?? 0) + (paddings[i]?.[1] ?? 0));
    const y = backend.makeOutput(outShape, x.dtype);
    backend.native.pad(backend.context(PadV2, x), backend.dtypeCode(x.dtype, PadV2), backend.address(x), backend.address(y), [...x.shape], outShape, before, Number(attrs?.['constantValue'] ?? 0));
    return y;
  },
};
