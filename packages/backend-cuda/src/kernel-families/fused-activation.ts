/** The epilogue of _FusedMatMul and FusedConv2D: add the bias, then apply the activation. */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { sizeOf } from '../strides';
import { runBinary } from './binary';

/** tfjs-core's fused activation names. */
export type FusedActivation = 'linear' | 'relu' | 'relu6' | 'elu' | 'selu' | 'sigmoid' | 'leakyrelu' | 'prelu';

/**
 * Returns activation(y + bias), consuming `y`. A bias of the last axis's length and every activation but
 * prelu run as one fused kernel in place; other bias shapes and prelu fall back to binary kernels.
 */
export function applyBiasActivation(
  backend: CudaBackend,
  kernel: string,
  y: TensorInfo,
  bias: TensorInfo | undefined,
  activation: FusedActivation,
  preluWeights: TensorInfo | undefined,
  leakyreluAlpha: number,
): TensorInfo {
  const cols = y.shape[y.shape.length - 1] ?? 1;
  const rowBias = bias === undefined || sizeOf(bias.shape) === cols && (bias.shape.length <= 1 || bias.shape.slice(0, -1).every((d) => d === 1));
  let out = y;
  if (!rowBias && bias !== undefined) {
    out = runBinary(backend, kernel, 'Add', y, bias);
    backend.disposeIntermediate(y);
  }
  if (activation === 'prelu') {
    if (preluWeights === undefined) throw new BackendError(`${kernel}: activation 'prelu' needs preluActivationWeights`);
    if (rowBias && bias !== undefined) out = fuse(backend, kernel, out, bias, 'linear', 0);
    const activated = runBinary(backend, kernel, 'Prelu', out, preluWeights);
    backend.disposeIntermediate(out);
    return activated;
  }
  if (activation === 'linear' && (bias === undefined || !rowBias)) return out;
  return fuse(backend, kernel, out, rowBias ? bias : undefined, activation, leakyreluAlpha);
}

/** In place: out = activation(out + bias row). */
function fuse(backend: CudaBackend, kernel: string, out: TensorInfo, bias: TensorInfo | undefined, activation: string, alpha: number): TensorInfo {
  const code = backend.codes.activation[activation];
  if (code === undefined) throw new BackendError(`${kernel}: activation '${activation}' is not supported by the cuda backend`);
  const cols = out.shape[out.shape.length - 1] ?? 1;
  const rows = sizeOf(out.shape) / Math.max(cols, 1);
  const context = bias ? backend.context(kernel, out, bias) : backend.context(kernel, out);
  backend.native.biasActivation(context, code, backend.address(out), bias ? backend.address(bias) : 0, backend.address(out), rows, cols, alpha);
  return out;
}
