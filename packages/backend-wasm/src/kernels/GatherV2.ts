/**
 * GatherV2 (`tf.gather`) on the wasm backend, taken over for whole rows: axis 0, no batch dimensions,
 * float32 or int32 values, int32 indices, which is how `@strata-ml/models` cuts every batch of `fit`,
 * `evaluate` and `predict` from the training set. The stock kernel reads the indices back, checks them,
 * reshapes both inputs and walks the output element by element in C++ (~2 ms for 128 rows of 784 floats);
 * here each row is one block copy (`native/gather_rows.c`, `memory.copy`). Indices outside
 * `[0, rows)` throw the stock kernel's error, before anything is written. Every other case (other axes,
 * batch dimensions, other dtypes, empty inputs, no WebAssembly SIMD) goes to the stock kernel.
 */
import { GatherV2, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { input } from '../kernel-args';
import { nativeKernels } from '../native-kernels';
import { stockKernel } from '../stock-kernels';
import { asWasmBackend, i32, memoryOffset } from '../wasm-backend';

/** Whether the native row copy handles a gather of `x` by `indices` along `axis` with `batchDims`. */
export function gathersRows(x: TensorInfo, indices: TensorInfo, axis: unknown, batchDims: unknown): boolean {
  const rank = x.shape.length;
  return (
    rank >= 1 &&
    (axis === 0 || axis === -rank) &&
    (batchDims === undefined || batchDims === 0) &&
    (x.dtype === 'float32' || x.dtype === 'int32') &&
    indices.dtype === 'int32' &&
    util.sizeFromShape(x.shape) > 0
  );
}

/** Gathers; see the file comment. */
export const gatherV2: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const x = input(GatherV2, args.inputs, 'x');
  const indices = input(GatherV2, args.inputs, 'indices');
  const wasm = asWasmBackend(args.backend, GatherV2);
  const native = nativeKernels(wasm);
  if (native === null || !gathersRows(x, indices, args.attrs?.['axis'], args.attrs?.['batchDims'])) return stockKernel(GatherV2).kernelFunc(args);
  const rows = x.shape[0] as number;
  const count = util.sizeFromShape(indices.shape);
  const out = wasm.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
  if (count === 0) return out;
  const rowBytes = (util.sizeFromShape(x.shape) / rows) * 4;
  const bad = native.exports.gather_rows(memoryOffset(wasm, x), rowBytes, rows, memoryOffset(wasm, indices), count, memoryOffset(wasm, out));
  if (bad >= 0) {
    wasm.disposeData(out.dataId);
    const index = i32(wasm, indices)[bad] as number;
    // The stock kernel's check and message, so that both fail alike.
    util.assert(false, () => `GatherV2: the index value ${index} is not in [0, ${rows - 1}]`);
  }
  return out;
};

/** Registration of `gatherV2` for the wasm backend; its setup is the stock kernel's, which it hands other cases to. */
export const gatherV2Config: KernelConfig = {
  kernelName: GatherV2,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(GatherV2).setupFunc?.(backend),
  kernelFunc: gatherV2,
};
