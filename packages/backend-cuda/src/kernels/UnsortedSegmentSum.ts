import { UnsortedSegmentSum, type KernelConfig } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** UnsortedSegmentSum: out[s] = Σ x[i] over rows i with segmentIds[i] = s (the gradient of GatherV2). */
export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const x = requireInput(UnsortedSegmentSum, inputs, 'x');
    const ids = requireInput(UnsortedSegmentSum, inputs, 'segmentIds');
    if (x.dtype !== 'float32' || ids.dtype !== 'int32') {
      throw new BackendError(`UnsortedSegmentSum: the cuda backend takes float32 x and int32 segmentIds; received '${x.dtype}' and '${ids.dtype}'`);
    }
    const rows = sizeOf(ids.shape);
    const inner = sizeOf(x.shape) / Math.max(rows, 1);
    const numSegments = Number(attrs?.['numSegments']);
    const y = backend.makeOutput([numSegments, ...x.shape.slice(ids.shape.length)], 'float32');
    backend.native.segmentSum(backend.context(UnsortedSegmentSum, x, ids), backend.address(x), backend.address(ids), backend.address(y), rows, inner, numSegments);
    return y;
  },
};
