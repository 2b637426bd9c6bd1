/**
 * BatchMatMul on the wasm backend, replacing tfjs-backend-wasm's: every transpose combination and every
 * batch layout runs on XNNPACK (see `fastBatchMatMul`); the stock kernel ran all but the plain unbatched
 * case in a scalar loop.
 */
import { BatchMatMul } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { fastBatchMatMul, matMulShape } from '../fast-matmul';
import { boolAttr, float32Inputs } from '../kernel-args';
import { asWasmBackend } from '../wasm-backend';

/** `a·b` with optional transposes and broadcast batch dimensions. */
export const batchMatMul: KernelFunc = ({ inputs, backend, attrs }): TensorInfo => {
  const wasm = asWasmBackend(backend, BatchMatMul);
  const [a, b] = float32Inputs(BatchMatMul, inputs, 'a', 'b');
  const operands = {
    a,
    b,
    transposeA: boolAttr(BatchMatMul, attrs, 'transposeA'),
    transposeB: boolAttr(BatchMatMul, attrs, 'transposeB'),
  };
  return fastBatchMatMul(wasm, operands, matMulShape(BatchMatMul, operands));
};

/** Registration of `batchMatMul` for the wasm backend. */
export const batchMatMulConfig: KernelConfig = { kernelName: BatchMatMul, backendName: 'wasm', kernelFunc: batchMatMul };
