import { GatherV2, type KernelConfig, util } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/**
 * GatherV2: x's slices at `indices` along `axis`. An index outside [0, x.shape[axis]) gives zeros (as
 * TensorFlow's GPU kernel does) where the CPU backend throws: the device cannot raise mid-kernel.
 */
export const gatherV2Config: KernelConfig = {
  kernelName: GatherV2,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const x = requireInput(GatherV2, inputs, 'x');
    const indices = requireInput(GatherV2, inputs, 'indices');
    if (Number(attrs?.['batchDims'] ?? 0) !== 0) throw new BackendError(`GatherV2: the cuda backend supports batchDims=0 only; received batchDims=${attrs?.['batchDims']}`);
    if (indices.dtype !== 'int32') throw new BackendError(`GatherV2: indices must be int32; received dtype '${indices.dtype}'`);
    const axis = util.parseAxisParam(Number(attrs?.['axis'] ?? 0), x.shape)[0] ?? 0;
    const outShape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
    const y = backend.makeOutput(outShape, x.dtype);
    backend.native.gather(
      backend.context(GatherV2, x, indices),
      backend.address(x),
      backend.address(indices),
      backend.address(y),
      sizeOf(x.shape.slice(0, axis)),
      x.shape[axis] ?? 1,
      sizeOf(x.shape.slice(axis + 1)),
      sizeOf(indices.shape),
    );
    return y;
  },
};
