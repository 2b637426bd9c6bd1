import { SplitV, backend_util, type KernelConfig, util } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { runCopy } from '../kernel-families/copy';
import { requireInput } from '../kernel-inputs';
import { stridedSliceView } from '../strided-view';

/** SplitV: consecutive pieces of x along `axis`, of the given sizes (or n equal pieces). */
export const splitVConfig: KernelConfig = {
  kernelName: SplitV,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const x = requireInput(SplitV, inputs, 'x');
    const axis = util.parseAxisParam(Number(attrs?.['axis'] ?? 0), x.shape)[0] ?? 0;
    const sizes = backend_util.prepareSplitSize(x as never, attrs?.['numOrSizeSplits'] as number | number[], axis);
    let start = 0;
    return sizes.map((piece) => {
      const begin = x.shape.map((_, i) => (i === axis ? start : 0));
      const size = x.shape.map((d, i) => (i === axis ? piece : d));
      start += piece;
      return runCopy(backend as CudaBackend, SplitV, x, stridedSliceView(x.shape, begin, size));
    });
  },
};
