import { Concat, backend_util, type KernelConfig, type TensorInfo, util } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { copyInto } from '../kernel-families/copy';
import { inputList } from '../kernel-inputs';
import { contiguousStrides, sizeOf } from '../strides';

/** Joins `tensors` along `axis` into a new tensor: each input is one strided write into the output. */
export function runConcat(backend: CudaBackend, kernel: string, tensors: TensorInfo[], axis: number): TensorInfo {
  const first = tensors[0];
  if (first === undefined) throw new BackendError(`${kernel}: at least one input is required`);
  const $axis = util.parseAxisParam(axis, first.shape)[0] ?? 0;
  const outShape = backend_util.computeOutShape(tensors.map((t) => t.shape), $axis);
  const out = backend.makeOutput(outShape, first.dtype);
  const axisStride = contiguousStrides(outShape)[$axis] ?? 1;
  let offset = 0;
  for (const t of tensors) {
    if (sizeOf(t.shape) > 0) copyInto(backend, kernel, t, out, offset * axisStride);
    offset += t.shape[$axis] ?? 0;
  }
  return out;
}

/** Concat: inputs joined along `axis`. */
export const concatConfig: KernelConfig = {
  kernelName: Concat,
  backendName: 'cuda',
  kernelFunc: ({ inputs, backend, attrs }) => runConcat(backend as CudaBackend, Concat, inputList(inputs), Number(attrs?.['axis'] ?? 0)),
};
