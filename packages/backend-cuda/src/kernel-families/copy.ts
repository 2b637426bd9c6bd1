/** Kernels that only move elements run the one native strided copy; these helpers build its calls. */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { contiguousStrides } from '../strides';
import { transposeView, type SourceView } from '../strided-view';

const MAX_RANK = 6;

/** Copies `x` through `view` into a new contiguous tensor of the view's shape. */
export function runCopy(backend: CudaBackend, kernel: string, x: TensorInfo, view: SourceView): TensorInfo {
  if (view.shape.length > MAX_RANK) throw new BackendError(`${kernel}: rank ${view.shape.length} is above the cuda backend's maximum of ${MAX_RANK}`);
  const y = backend.makeOutput(view.shape, x.dtype);
  backend.native.stridedCopy(backend.context(kernel, x), backend.address(x), backend.address(y), view.shape, view.srcStrides, view.srcOffset, contiguousStrides(view.shape), 0);
  return y;
}

/** `x` with its axes permuted. */
export function runTranspose(backend: CudaBackend, kernel: string, x: TensorInfo, perm: readonly number[]): TensorInfo {
  return runCopy(backend, kernel, x, transposeView(x.shape, perm));
}

/** Writes `x` into `out` (contiguous, shape `outShape`) starting at `offset` elements, row pitch of `out`. */
export function copyInto(backend: CudaBackend, kernel: string, x: TensorInfo, out: TensorInfo, offset: number): void {
  const outStrides = contiguousStrides(out.shape);
  backend.native.stridedCopy(backend.context(kernel, x), backend.address(x), backend.address(out), [...x.shape], contiguousStrides(x.shape), 0, outStrides, offset);
}
