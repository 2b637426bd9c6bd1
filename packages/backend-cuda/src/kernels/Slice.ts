import { Slice, type KernelConfig, slice_util } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { runCopy } from '../kernel-families/copy';
import { requireInput } from '../kernel-inputs';
import { stridedSliceView } from '../strided-view';

/** Slice: the block of `size` starting at `begin` (size −1 runs to the end). */
export const sliceConfig: KernelConfig = {
  kernelName: Slice,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const x = requireInput(Slice, inputs, 'x');
    const [begin = [], size = []] = slice_util.parseSliceParams(x as never, attrs?.['begin'] as number[], attrs?.['size'] as number[]);
    slice_util.assertParamsValid(x as never, begin, size);
    return runCopy(backend as CudaBackend, Slice, x, stridedSliceView(x.shape, begin, size));
  },
};
