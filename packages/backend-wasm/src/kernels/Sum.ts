/**
 * Sum on the wasm backend, taken over where the stock kernel is slow: reducing a float32 tensor over its
 * leading axes, which is every bias gradient (`dy` of shape `[batch, ..., channels]` summed to
 * `[channels]`). The stock kernel reduces only innermost axes, so it first transposes the whole tensor:
 * for the first convolution of the CNN of cnn-mnist (`[128, 26, 26, 64]`) that cost ~9 ms per call, more
 * than the convolution's forward pass. Here the rows are added onto the output row in one pass, four
 * floats at a time in the native module (`native/column_sum.c`), or into float64 accumulators in
 * JavaScript where WebAssembly SIMD is missing. Every other reduction goes to the stock kernel.
 */
import { Sum, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { input } from '../kernel-args';
import { stockKernel } from '../stock-kernels';
import { nativeKernels } from '../native-kernels';
import { asWasmBackend, f32, memoryOffset } from '../wasm-backend';

/** How many leading axes `axes` reduces, or 0 when they are not exactly the leading ones (and not all). */
export function leadingAxes(axes: readonly number[], rank: number): number {
  const sorted = [...axes].sort((a, b) => a - b);
  const k = sorted.length;
  return k > 0 && k < rank && sorted.every((a, i) => a === i) ? k : 0;
}

/** Sums; see the file comment. */
export const sum: KernelFunc = (args): TensorInfo | TensorInfo[] => {
  const { inputs, backend, attrs } = args;
  const x = input(Sum, inputs, 'x');
  const axes = util.parseAxisParam((attrs?.['axis'] as number | number[] | undefined) ?? x.shape.map((_, i) => i), x.shape);
  const k = leadingAxes(axes, x.shape.length);
  if (x.dtype !== 'float32' || k === 0) return stockKernel(Sum).kernelFunc(args);
  const wasm = asWasmBackend(backend, Sum);
  const rows = util.sizeFromShape(x.shape.slice(0, k));
  const cols = util.sizeFromShape(x.shape.slice(k));
  const outShape = attrs?.['keepDims'] === true ? [...x.shape.slice(0, k).map(() => 1), ...x.shape.slice(k)] : x.shape.slice(k);
  const out = wasm.makeOutput(outShape, 'float32');
  const native = nativeKernels(wasm);
  if (native !== null) {
    native.exports.column_sum(memoryOffset(wasm, x), rows, cols, memoryOffset(wasm, out));
    return out;
  }
  const src = f32(wasm, x);
  const acc = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) acc[c] = (acc[c] as number) + (src[base + c] as number);
  }
  f32(wasm, out).set(acc);
  return out;
};

/** Registration of `sum` for the wasm backend; its setup is the stock kernel's, which it hands other cases to. */
export const sumConfig: KernelConfig = {
  kernelName: Sum,
  backendName: 'wasm',
  setupFunc: (backend) => stockKernel(Sum).setupFunc?.(backend),
  kernelFunc: sum,
};
