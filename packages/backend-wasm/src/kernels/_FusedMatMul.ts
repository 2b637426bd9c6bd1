/**
 * _FusedMatMul on the wasm backend, replacing tfjs-backend-wasm's: `activation(a·b + bias)` on XNNPACK for
 * every transpose combination and batch layout, with bias, clamp and activation applied in the same pass
 * when they repeat along output rows (the usual length-N bias and per-channel slopes). The stock kernel
 * ran transposed or batched products in a scalar loop, where it also indexed the bias by the flat output
 * position instead of the column (wrong from the second row on).
 */
import { _FusedMatMul, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument, unknownIdentifier } from '@strata-ml/core';
import { applyActivation } from '../apply-activation';
import { FUSABLE_ACTIVATIONS, fastBatchMatMul, matMulShape, type FusableActivationName } from '../fast-matmul';
import { boolAttr, input, numberAttr, optionalInput, stringAttr } from '../kernel-args';
import { runWasmKernel } from '../run-kernel';
import { asWasmBackend } from '../wasm-backend';

function isFusableActivation(name: string): name is FusableActivationName {
  return Object.prototype.hasOwnProperty.call(FUSABLE_ACTIVATIONS, name);
}

/** True when `shape`, without leading ones, is a suffix of `[m, n]`: its values repeat along the output. */
function repeatsAlongRows(shape: readonly number[], m: number, n: number): boolean {
  const firstNonOne = shape.findIndex((d) => d !== 1);
  const core = firstNonOne === -1 ? [] : shape.slice(firstNonOne);
  const target = [m, n];
  return core.length <= 2 && core.every((d, i) => d === target[target.length - core.length + i]);
}

/** `activation(a·b + bias)`, with PReLU slopes or the LeakyReLU alpha where the activation takes them. */
export const fusedMatMul: KernelFunc = ({ inputs, backend, attrs }): TensorInfo => {
  const wasm = asWasmBackend(backend, _FusedMatMul);
  const a = input(_FusedMatMul, inputs, 'a');
  const b = input(_FusedMatMul, inputs, 'b');
  const bias = optionalInput(inputs, 'bias');
  const prelu = optionalInput(inputs, 'preluActivationWeights');
  for (const [name, t] of [['a', a], ['b', b], ['bias', bias], ['preluActivationWeights', prelu]] as const) {
    if (t !== undefined && t.dtype !== 'float32') throw invalidArgument(_FusedMatMul, name, 'a float32 tensor', `dtype ${t.dtype}`);
  }
  const activation = stringAttr(_FusedMatMul, attrs, 'activation', 'linear');
  if (!isFusableActivation(activation)) {
    throw unknownIdentifier(_FusedMatMul, 'activation', activation, Object.keys(FUSABLE_ACTIVATIONS));
  }
  const leakyreluAlpha = numberAttr(_FusedMatMul, attrs, 'leakyreluAlpha', 0.2);
  const operands = {
    a,
    b,
    transposeA: boolAttr(_FusedMatMul, attrs, 'transposeA'),
    transposeB: boolAttr(_FusedMatMul, attrs, 'transposeB'),
  };
  const shape = matMulShape(_FusedMatMul, operands);
  const { m, n } = shape;

  // The module adds a bias of exactly n values and applies PReLU slopes that tile the output rows.
  const biasFuses = bias === undefined || (util.sizeFromShape(bias.shape) === n && bias.shape[bias.shape.length - 1] === n);
  const preluFuses = activation !== 'prelu' || (prelu !== undefined && repeatsAlongRows(prelu.shape, m, n));
  if (biasFuses && preluFuses) {
    return fastBatchMatMul(wasm, operands, shape, {
      bias,
      activation,
      prelu,
      leakyreluAlpha,
    });
  }
  const product = fastBatchMatMul(wasm, operands, shape);
  let sum = product;
  if (bias !== undefined) {
    sum = runWasmKernel(wasm, 'Add', { a: product, b: bias });
    wasm.disposeData(product.dataId);
  }
  const out = applyActivation(wasm, sum, activation, prelu, leakyreluAlpha);
  if (out !== sum) wasm.disposeData(sum.dataId);
  return out;
};

/** Registration of `fusedMatMul` for the wasm backend. */
export const fusedMatMulConfig: KernelConfig = { kernelName: _FusedMatMul, backendName: 'wasm', kernelFunc: fusedMatMul };
