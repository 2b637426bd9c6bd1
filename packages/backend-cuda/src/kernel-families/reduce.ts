/** Reductions (Sum, Max, Mean, …) and ArgMax/ArgMin over any set of axes. */
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo, util } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { planReduction } from '../reduction-view';
import { runTranspose } from './copy';

/** Reduces `x` over `axes` with op `op`; the result has the kept axes (or keeps them as 1s). */
export function runReduce(backend: CudaBackend, kernel: string, op: string, x: TensorInfo, axes: number[], keepDims: boolean): TensorInfo {
  const code = backend.codes.reduce[op];
  if (code === undefined) throw new BackendError(`${kernel}: the cuda addon has no reduction '${op}'`);
  const normalized = util.parseAxisParam(axes, x.shape);
  const [outShape] = backend_util.computeOutAndReduceShapes(x.shape, normalized);
  const finalShape = keepDims ? backend_util.expandShapeToKeepDim(outShape, normalized) : outShape;
  const plan = planReduction(x.shape, normalized);
  const source = plan.permutation === null ? x : runTranspose(backend, kernel, x, plan.permutation);
  // Mean of ints would truncate; tfjs-core casts int Mean to float before the kernel, so dtype is kept.
  const y = backend.makeOutput(finalShape, x.dtype);
  backend.native.reduce(backend.context(kernel, x), code, backend.dtypeCode(x.dtype, kernel), backend.address(source), backend.address(y), plan.outer, plan.reduce, plan.inner);
  if (source !== x) backend.disposeIntermediate(source);
  return y;
}

/** The KernelConfig of reduction `kernelName`, reading its axes from attribute `axisAttr`. */
export function reduceKernel(kernelName: string, axisAttr: 'axis' | 'reductionIndices' = 'axis'): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const x = inputs['x'];
    if (x === undefined) throw new BackendError(`${kernelName}: input x is missing`);
    const axis = (attrs?.[axisAttr] ?? null) as number | number[] | null;
    const axes = axis === null ? x.shape.map((_, i) => i) : Array.isArray(axis) ? axis : [axis];
    return runReduce(backend as CudaBackend, kernelName, kernelName, x, axes, Boolean(attrs?.['keepDims']));
  };
  return { kernelName, backendName: 'cuda', kernelFunc };
}

/** The KernelConfig of ArgMax or ArgMin: the index of the first extreme value along one axis, as int32. */
export function argReduceKernel(kernelName: 'ArgMax' | 'ArgMin'): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend: b, attrs }) => {
    const backend = b as CudaBackend;
    const x = inputs['x'];
    if (x === undefined) throw new BackendError(`${kernelName}: input x is missing`);
    const [axis] = util.parseAxisParam(attrs?.['axis'] as number, x.shape);
    if (axis === undefined) throw new BackendError(`${kernelName}: axis is required`);
    const outShape = x.shape.filter((_, i) => i !== axis);
    const y = backend.makeOutput(outShape, 'int32');
    const outer = x.shape.slice(0, axis).reduce((n, d) => n * d, 1);
    const inner = x.shape.slice(axis + 1).reduce((n, d) => n * d, 1);
    const code = backend.codes.arg[kernelName] ?? -1;
    backend.native.argReduce(backend.context(kernelName, x), code, backend.dtypeCode(x.dtype, kernelName), backend.address(x), backend.address(y), outer, x.shape[axis] ?? 1, inner);
    return y;
  };
  return { kernelName, backendName: 'cuda', kernelFunc };
}
