import { Unpack, type KernelConfig, util } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { runCopy } from '../kernel-families/copy';
import { requireInput } from '../kernel-inputs';
import { stridedSliceView } from '../strided-view';

/** Unpack (unstack): one tensor per index along `axis`, that axis removed. */
export const unpackConfig: KernelConfig = {
  kernelName: Unpack,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const x = requireInput(Unpack, inputs, 'value');
    const axis = util.parseAxisParam(Number(attrs?.['axis'] ?? 0), x.shape)[0] ?? 0;
    const count = x.shape[axis] ?? 0;
    const size = x.shape.map((d, i) => (i === axis ? 1 : d));
    const outShape = x.shape.filter((_, i) => i !== axis);
    return Array.from({ length: count }, (_, k) => {
      const begin = x.shape.map((_, i) => (i === axis ? k : 0));
      const y = runCopy(backend as CudaBackend, Unpack, x, stridedSliceView(x.shape, begin, size));
      return { ...y, shape: outShape };
    });
  },
};
