/**
 * Conv2DBackpropFilter on the wasm backend (missing from tfjs-backend-wasm 4.22, so no convolution could
 * train there). It runs in `native/conv2d_backprop_filter.c`, an implicit matrix product
 * `dW[fh·fw·ci, co] = Σ_positions x_window · dy` that reads the input windows in place (no im2col matrix)
 * in 4x8 WebAssembly SIMD tiles; with several threads, each sums its own slice of the batch
 * (`native-conv.ts`). Where WebAssembly SIMD is missing (the native module cannot load), it
 * falls back to im2col plus one matrix product per chunk of the batch (`patchesᵀ · dy`).
 */
import { Conv2DBackpropFilter, backend_util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument } from '@strata-ml/core';
import { convGeometry, toChannelsLast, type ConvGeometry } from '../conv-geometry';
import { fastBatchMatMul, matMulShape } from '../fast-matmul';
import { im2col } from '../im2col';
import { float32Inputs, numbersAttr, padAttr, shape4Attr, stringAttr } from '../kernel-args';
import { runNativeConv } from '../native-conv';
import { nativeKernels, type NativeKernels } from '../native-kernels';
import { asWasmBackend, f32, makeView, releaseView, type WasmBackend } from '../wasm-backend';

/** Largest patch matrix built at once, in floats (64 MiB); bigger batches are processed in chunks. */
const MAX_PATCH_FLOATS = 16 * 1024 * 1024;

/** Gradient of conv2d with respect to its filter, `[fh, fw, inChannels, outChannels]`. */
export const conv2DBackpropFilter: KernelFunc = ({ inputs, backend, attrs }): TensorInfo => {
  const wasm = asWasmBackend(backend, Conv2DBackpropFilter);
  const [xIn, dyIn] = float32Inputs(Conv2DBackpropFilter, inputs, 'x', 'dy');
  const filterShape = shape4Attr(Conv2DBackpropFilter, attrs, 'filterShape');
  const dataFormat = stringAttr(Conv2DBackpropFilter, attrs, 'dataFormat', 'NHWC');
  if (dataFormat !== 'NHWC' && dataFormat !== 'NCHW') {
    throw invalidArgument(Conv2DBackpropFilter, 'dataFormat', "'NHWC' or 'NCHW'", dataFormat);
  }
  const g = convGeometry(
    backend_util.computeConv2DInfo(
      xIn.shape as [number, number, number, number],
      filterShape,
      numbersAttr(Conv2DBackpropFilter, attrs, 'strides') as [number, number],
      1,
      padAttr(Conv2DBackpropFilter, attrs),
      attrs?.['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
      false,
      backend_util.convertConv2DDataFormat(dataFormat),
    ),
  );
  const x = dataFormat === 'NCHW' ? toChannelsLast(wasm, xIn) : xIn;
  const dy = dataFormat === 'NCHW' ? toChannelsLast(wasm, dyIn) : dyIn;
  const native = nativeKernels(wasm);
  const out = native !== null ? nativeFilterGradient(wasm, native, x, dy, g) : im2colFilterGradient(wasm, x, dy, g, MAX_PATCH_FLOATS);
  if (x !== xIn) wasm.disposeData(x.dataId);
  if (dy !== dyIn) wasm.disposeData(dy.dataId);
  return { dataId: out.dataId, shape: filterShape, dtype: 'float32' };
};

/** The filter gradient of NHWC `x` and `dy` as a new `[fh·fw·ci, co]` tensor, computed by the native kernel. */
export function nativeFilterGradient(wasm: WasmBackend, native: NativeKernels, x: TensorInfo, dy: TensorInfo, g: ConvGeometry): TensorInfo {
  const dw = wasm.makeOutput([g.filterHeight * g.filterWidth * g.inChannels, g.outChannels], 'float32');
  runNativeConv(wasm, native, 'conv2d_backprop_filter', x, dy, dw, g);
  return dw;
}

/**
 * The filter gradient of NHWC `x` and `dy` as a new `[fh·fw·ci, co]` tensor through im2col, building at most
 * `maxPatchFloats` floats of patches at a time (whole batch items; at least one).
 */
export function im2colFilterGradient(wasm: WasmBackend, x: TensorInfo, dy: TensorInfo, g: ConvGeometry, maxPatchFloats: number): TensorInfo {
  const rowLength = g.filterHeight * g.filterWidth * g.inChannels;
  const positions = g.outHeight * g.outWidth;
  const chunk = Math.max(1, Math.min(g.batchSize, Math.floor(maxPatchFloats / Math.max(1, positions * rowLength))));

  let total: TensorInfo | null = null;
  for (let b0 = 0; b0 < g.batchSize; b0 += chunk) {
    const rows = Math.min(chunk, g.batchSize - b0) * positions;
    const patches = wasm.makeOutput([rows, rowLength], 'float32');
    im2col(f32(wasm, x), f32(wasm, patches), b0, rows / positions, g);
    // This chunk's rows of dy, viewed in place.
    const dyRows = makeView(wasm, dy, b0 * positions * g.outChannels, [rows, g.outChannels]);
    const operands = { a: patches, b: dyRows, transposeA: true, transposeB: false };
    const partial = fastBatchMatMul(wasm, operands, matMulShape(Conv2DBackpropFilter, operands));
    releaseView(wasm, dyRows);
    wasm.disposeData(patches.dataId);
    if (total === null) {
      total = partial;
    } else {
      const acc = f32(wasm, total);
      const add = f32(wasm, partial);
      for (let i = 0; i < acc.length; i++) acc[i] = (acc[i] as number) + (add[i] as number);
      wasm.disposeData(partial.dataId);
    }
  }
  if (total === null) {
    // An empty batch contributes nothing.
    total = wasm.makeOutput([rowLength, g.outChannels], 'float32');
    f32(wasm, total).fill(0);
  }
  return total;
}

/** Registration of `conv2DBackpropFilter` for the wasm backend. */
export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter,
};
