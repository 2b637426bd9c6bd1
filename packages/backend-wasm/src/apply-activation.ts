/**
 * A fused-op activation applied after the fact, with the stock wasm kernels, for the cases the module
 * cannot apply inside the matmul (a bias or PReLU slopes that do not repeat along the output rows).
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument } from '@strata-ml/core';
import type { FusableActivationName } from './fast-matmul';
import { runWasmKernel } from './run-kernel';
import type { WasmBackend } from './wasm-backend';

const POINTWISE: Readonly<Record<string, string>> = { relu: 'Relu', relu6: 'Relu6', elu: 'Elu', sigmoid: 'Sigmoid' };

/**
 * Returns `activation(x)` as a new tensor (x itself for 'linear'); the caller still owns x. PReLU is
 * computed as `relu(x) + alpha * (x - relu(x))`, which broadcasts `alpha` like any binary op.
 */
export function applyActivation(
  backend: WasmBackend,
  x: TensorInfo,
  activation: FusableActivationName,
  preluWeights: TensorInfo | undefined,
  leakyreluAlpha: number,
): TensorInfo {
  const kernel = POINTWISE[activation];
  if (kernel !== undefined) return runWasmKernel(backend, kernel, { x });
  if (activation === 'linear') return x;
  if (activation === 'leakyrelu') return runWasmKernel(backend, 'LeakyRelu', { x }, { alpha: leakyreluAlpha });
  if (preluWeights === undefined) throw invalidArgument('_FusedMatMul', 'preluActivationWeights', "a tensor when activation is 'prelu'", undefined);
  const positive = runWasmKernel(backend, 'Relu', { x });
  const negative = runWasmKernel(backend, 'Sub', { a: x, b: positive });
  const scaled = runWasmKernel(backend, 'Multiply', { a: negative, b: preluWeights });
  const out = runWasmKernel(backend, 'Add', { a: positive, b: scaled });
  for (const t of [positive, negative, scaled]) backend.disposeData(t.dataId);
  return out;
}
