import { Select, type KernelConfig } from '@tensorflow/tfjs-core';
import { BackendError, formatShape } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** Select (where): t where condition is true, e elsewhere; tfjs-core broadcasts all three first. */
export const selectConfig: KernelConfig = {
  kernelName: Select,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b }) => {
    const backend = b as CudaBackend;
    const condition = requireInput(Select, inputs, 'condition');
    const t = requireInput(Select, inputs, 't');
    const e = requireInput(Select, inputs, 'e');
    const n = sizeOf(t.shape);
    if (sizeOf(condition.shape) !== n || sizeOf(e.shape) !== n) {
      throw new BackendError(`Select: condition, t and e must have one shape; received ${formatShape(condition.shape)}, ${formatShape(t.shape)}, ${formatShape(e.shape)}`);
    }
    const y = backend.makeOutput([...t.shape], t.dtype);
    backend.native.select(backend.context(Select, condition, t, e), backend.address(condition), backend.address(t), backend.address(e), backend.address(y), n);
    return y;
  },
};
