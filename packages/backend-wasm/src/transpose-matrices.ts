/**
 * Physical transpose of the last two axes, the step that lets every transposed matmul run on XNNPACK's
 * plain path. It runs in Strata's native module (`native/transpose.c`, ~0.1 ns per float); without
 * WebAssembly SIMD, the stock Transpose kernel does it.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { runWasmKernel } from './run-kernel';
import { nativeKernels } from './native-kernels';
import { memoryOffset, type WasmBackend } from './wasm-backend';

/**
 * Returns a new float32 tensor `[batch, cols, rows]` holding the transposes of the `batch` matrices of `x`,
 * read as `[batch, rows, cols]`. The caller disposes it.
 */
export function transposeMatrices(backend: WasmBackend, x: TensorInfo, batch: number, rows: number, cols: number): TensorInfo {
  const native = nativeKernels(backend);
  if (native === null) {
    const x3d: TensorInfo = { dataId: x.dataId, shape: [batch, rows, cols], dtype: x.dtype };
    return runWasmKernel(backend, 'Transpose', { x: x3d }, { perm: [0, 2, 1] });
  }
  const out = backend.makeOutput([batch, cols, rows], 'float32');
  const src = memoryOffset(backend, x);
  const dst = memoryOffset(backend, out);
  const bytes = 4 * rows * cols;
  for (let n = 0; n < batch; n++) native.exports.transpose(src + n * bytes, dst + n * bytes, rows, cols);
  return out;
}
