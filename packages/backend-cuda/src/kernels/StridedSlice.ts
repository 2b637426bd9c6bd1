import { StridedSlice, type KernelConfig, slice_util } from '@tensorflow/tfjs-core';
import type { CudaBackend } from '../cuda-backend';
import { runCopy } from '../kernel-families/copy';
import { requireInput } from '../kernel-inputs';
import { stridedSliceView } from '../strided-view';

/** StridedSlice: NumPy-style begin:end:step on every axis with TF's masks, as one strided copy. */
export const stridedSliceConfig: KernelConfig = {
  kernelName: StridedSlice,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const x = requireInput(StridedSlice, inputs, 'x');
    const a = attrs ?? {};
    const info = slice_util.sliceInfo(
      x.shape,
      a['begin'] as number[],
      a['end'] as number[],
      a['strides'] as number[],
      Number(a['beginMask'] ?? 0),
      Number(a['endMask'] ?? 0),
      Number(a['ellipsisMask'] ?? 0),
      Number(a['newAxisMask'] ?? 0),
      Number(a['shrinkAxisMask'] ?? 0),
    );
    if (info.isIdentity) return backend.share(x, info.finalShape);
    const size = slice_util.computeOutShape(info.begin, info.end, info.strides);
    const y = runCopy(backend, StridedSlice, x, stridedSliceView(x.shape, info.begin, size, info.strides));
    return { ...y, shape: info.finalShape };
  },
};
