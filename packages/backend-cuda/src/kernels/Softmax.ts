import { Softmax, type KernelConfig } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** Softmax along the last axis: e^(x − max) / Σ e^(x − max), one block per row. */
export const softmaxConfig: KernelConfig = {
  kernelName: Softmax,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const logits = requireInput(Softmax, inputs, 'logits');
    const rank = logits.shape.length;
    const dim = Number(attrs?.['dim'] ?? -1);
    if (dim !== -1 && dim !== rank - 1) throw new BackendError(`Softmax: only the last axis is supported; received dim=${dim} for rank ${rank}`);
    const cols = logits.shape[rank - 1] ?? 1;
    const y = backend.makeOutput([...logits.shape], 'float32');
    backend.native.softmax(backend.context(Softmax, logits), backend.address(logits), backend.address(y), sizeOf(logits.shape) / Math.max(cols, 1), cols);
    return y;
  },
};
