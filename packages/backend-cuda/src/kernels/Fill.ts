import { Fill, type DataType, type KernelConfig } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { sizeOf } from '../strides';

/** Fill: a tensor of `shape` with every element `value`. */
export const fillConfig: KernelConfig = {
  kernelName: Fill,
  backendName: 'cuda',
  kernelFunc: ({ backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const shape = attrs?.['shape'] as number[];
    const dtype = (attrs?.['dtype'] as DataType | undefined) ?? 'float32';
    const value = attrs?.['value'];
    if (typeof value !== 'number') throw new BackendError(`Fill: the cuda backend fills numbers only; received value=${JSON.stringify(value)}`);
    const y = backend.makeOutput([...shape], dtype);
    backend.native.fill(`Fill(${dtype}[${shape.join(', ')}])`, backend.dtypeCode(dtype, Fill), backend.address(y), sizeOf(shape), dtype === 'bool' ? Number(value !== 0) : value);
    return y;
  },
};
