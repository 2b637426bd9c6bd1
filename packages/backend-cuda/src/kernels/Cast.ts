import { Cast, type DataType, type KernelConfig } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { requireInput } from '../kernel-inputs';
import { sizeOf } from '../strides';

/** Cast: between float32, int32 and bool (float → int truncates toward zero; → bool is x ≠ 0). */
export const castConfig: KernelConfig = {
  kernelName: Cast,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const x = requireInput(Cast, inputs, 'x');
    const dtype = attrs?.['dtype'] as DataType;
    if (dtype === x.dtype) return backend.share(x, [...x.shape]);
    if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
      throw new BackendError(`Cast: the cuda backend cannot cast to dtype '${dtype}'`);
    }
    const y = backend.makeOutput([...x.shape], dtype);
    backend.native.cast(backend.context(Cast, x), backend.dtypeCode(x.dtype, Cast), backend.dtypeCode(dtype, Cast), dtype === 'bool' ? 1 : 0, backend.address(x), backend.address(y), sizeOf(x.shape));
    return y;
  },
};
