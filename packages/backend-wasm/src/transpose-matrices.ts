/**
 * Physical transpose of the last two axes, the step that lets every transposed matmul run on XNNPACK's
 * plain path. It runs as WebAssembly SIMD in the backend's own memory (`simd-transpose.ts`, ~0.1 ns per
 * float); without SIMD, the module's Transpose kernel does it.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { runWasmKernel } from './run-kernel';
import { transposeSimd } from './simd-transpose';
import { backendMemory, memoryOffset, type WasmBackend } from './wasm-backend';

/**
 * Returns a new float32 tensor `[batch, cols, rows]` holding the transposes of the `batch` matrices of `x`,
 * read as `[batch, rows, cols]`. The caller disposes it.
 */
export function transposeMatrices(backend: WasmBackend, x: TensorInfo, batch: number, rows: number, cols: number): TensorInfo {
  const simd = transposeSimd(backendMemory(backend));
  if (simd === null) {
    const x3d: TensorInfo = { dataId: x.dataId, shape: [batch, rows, cols], dtype: x.dtype };
    return runWasmKernel(backend, 'Transpose', { x: x3d }, { perm: [0, 2, 1] });
  }
  const out = backend.makeOutput([batch, cols, rows], 'float32');
  const src = memoryOffset(backend, x);
  const dst = memoryOffset(backend, out);
  const bytes = 4 * rows * cols;
  for (let n = 0; n < batch; n++) simd(src + n * bytes, dst + n * bytes, rows, cols);
  return out;
}
