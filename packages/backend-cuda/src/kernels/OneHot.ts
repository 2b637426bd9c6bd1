import { OneHot, type DataType, type KernelConfig } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import { DTYPE_F32, DTYPE_I32, type CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** OneHot: onValue at each index's position along a new last axis of `depth`, offValue elsewhere (float32 or int32). */
export const oneHotConfig: KernelConfig = {
  kernelName: OneHot,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const indices = requireInput(OneHot, inputs, 'indices');
    const depth = Number(attrs?.['depth']);
    const dtype = (attrs?.['dtype'] as DataType | undefined) ?? 'float32';
    if (dtype !== 'float32' && dtype !== 'int32') throw new BackendError(`OneHot: the cuda backend produces float32 or int32; received dtype '${dtype}'`);
    const shape = [...indices.shape, depth];
    const y = backend.makeOutput(shape, 'float32');
    const context = backend.context(OneHot, indices);
    backend.native.oneHot(context, backend.address(indices), backend.address(y), sizeOf(indices.shape), depth, Number(attrs?.['onValue'] ?? 1), Number(attrs?.['offValue'] ?? 0));
    if (dtype === 'float32') return y;
    // tfjs-core's default dtype is int32: convert the float rows (exact for the small integers used).
    const ints = backend.makeOutput(shape, 'int32');
    backend.native.cast(context, DTYPE_F32, DTYPE_I32, 0, backend.address(y), backend.address(ints), sizeOf(shape));
    backend.disposeIntermediate(y);
    return ints;
  },
};
