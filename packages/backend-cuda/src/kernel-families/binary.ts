/** Elementwise binary kernels with broadcasting: one native launcher, the op chosen by name. */
import type { DataType, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import { broadcastShape, broadcastView } from '../broadcast';
import type { CudaBackend } from '../cuda-backend';
import { sizeOf } from '../strides';

/** Runs binary op `op` on `a` and `b` (same dtype) with broadcasting; the output has `outputDtype`. */
export function runBinary(backend: CudaBackend, kernel: string, op: string, a: TensorInfo, b: TensorInfo, outputDtype: DataType = a.dtype): TensorInfo {
  const code = backend.codes.binary[op];
  if (code === undefined) throw new BackendError(`${kernel}: the cuda addon has no binary op '${op}'`);
  const outShape = broadcastShape(a.shape, b.shape);
  if (outShape === null) throw new BackendError(`${kernel}: shapes ${JSON.stringify(a.shape)} and ${JSON.stringify(b.shape)} do not broadcast`);
  const view = broadcastView(a.shape, b.shape);
  if (view !== null && view.outShape.length > 6) {
    throw new BackendError(`${kernel}: broadcasting over more than 6 distinct axes is not supported; received shapes ${JSON.stringify(a.shape)} and ${JSON.stringify(b.shape)}`);
  }
  const y = backend.makeOutput(outShape, outputDtype);
  backend.native.binary(
    backend.context(kernel, a, b),
    code,
    backend.dtypeCode(a.dtype, kernel),
    backend.dtypeCode(outputDtype, kernel),
    backend.address(a),
    backend.address(b),
    backend.address(y),
    sizeOf(outShape),
    view?.outShape ?? null,
    view?.aStrides ?? null,
    view?.bStrides ?? null,
  );
  return y;
}

/** The KernelConfig of binary kernel `kernelName`: output dtype `same` as the inputs, or fixed (comparisons give bool, FloorDiv int32). */
export function binaryKernel(kernelName: string, output: 'same' | 'bool' | 'int32' = 'same', inputNames: readonly [string, string] = ['a', 'b']): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend }) => {
    const a = inputs[inputNames[0]];
    const b = inputs[inputNames[1]];
    if (a === undefined || b === undefined) throw new BackendError(`${kernelName}: inputs ${inputNames.join(' and ')} are required`);
    if (a.dtype !== b.dtype && !(isIntLike(a.dtype) && isIntLike(b.dtype))) {
      throw new BackendError(`${kernelName}: inputs must share a dtype; received '${a.dtype}' and '${b.dtype}'`);
    }
    return runBinary(backend as CudaBackend, kernelName, kernelName, a, b, output === 'same' ? a.dtype : output);
  };
  return { kernelName, backendName: 'cuda', kernelFunc };
}

function isIntLike(dtype: DataType): boolean {
  return dtype === 'int32' || dtype === 'bool';
}
