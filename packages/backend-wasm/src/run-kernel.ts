/**
 * Calls another kernel of the wasm backend from inside a kernel, so that Strata's kernels reuse the stock
 * ones (Transpose, Add, activations) without going through the engine.
 */
import { getKernel } from '@tensorflow/tfjs-core';
import type { NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { WasmBackend } from './wasm-backend';

/** Runs wasm kernel `kernelName` and returns its single output. */
export function runWasmKernel(
  backend: WasmBackend,
  kernelName: string,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const config = getKernel(kernelName, 'wasm');
  if (config === undefined) throw new BackendError(`wasm backend: kernel '${kernelName}' is not registered`);
  const out = config.kernelFunc({ inputs, backend: backend as object, attrs });
  if (Array.isArray(out)) throw new BackendError(`wasm backend: kernel '${kernelName}' returned ${out.length} outputs; expected 1`);
  return out;
}
