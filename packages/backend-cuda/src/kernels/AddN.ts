import { AddN, type KernelConfig } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { inputList } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** AddN: the elementwise sum of same-shape float32 tensors, in one pass over memory. */
export const addNConfig: KernelConfig = {
  kernelName: AddN,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b }) => {
    const backend = b as CudaBackend;
    const tensors = inputList(inputs);
    const first = tensors[0];
    if (first === undefined) throw new BackendError('AddN: at least one input is required');
    if (tensors.some((t) => t.dtype !== 'float32')) throw new BackendError('AddN: the cuda backend sums float32 tensors only');
    const y = backend.makeOutput([...first.shape], 'float32');
    backend.native.addN(backend.context(AddN, ...tensors), tensors.map((t) => backend.address(t)), backend.address(y), sizeOf(first.shape));
    return y;
  },
};
