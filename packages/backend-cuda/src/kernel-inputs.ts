/** Input checks shared by the kernels: a missing input names the kernel and the input. */
import type { NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';

/** The input `name` of `kernel`, or a BackendError saying it is missing. */
export function requireInput(kernel: string, inputs: Partial<NamedTensorInfoMap>, name: string): TensorInfo {
  const t = inputs[name];
  if (t === undefined) throw new BackendError(`${kernel}: input ${name} is missing`);
  return t;
}

/** The optional input `name`, or undefined. */
export function optionalInput(inputs: Partial<NamedTensorInfoMap>, name: string): TensorInfo | undefined {
  return inputs[name] ?? undefined;
}

/** A kernel's list of inputs (Concat, AddN, Pack take an array rather than named inputs). */
export function inputList(inputs: Partial<NamedTensorInfoMap> | TensorInfo[]): TensorInfo[] {
  return (Array.isArray(inputs) ? inputs : Object.values(inputs)).filter((t): t is TensorInfo => t !== undefined);
}
