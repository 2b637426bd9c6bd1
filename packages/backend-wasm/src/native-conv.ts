/**
 * Runs one of the native convolution kernels (`native/conv2d_*.h`) on NHWC tensors, split over the
 * backend's worker threads by batch slice where there are several: each thread gets its own images and
 * its own scratch block. Images are independent in the forward pass and the input gradient; the filter
 * gradient sums over images, so each thread past the first accumulates its own partial gradient in
 * scratch memory, added onto the output afterwards.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { nativeConvArgs, type ConvGeometry } from './conv-geometry';
import type { NativeKernels } from './native-kernels';
import { backendMemory, memoryOffset, type WasmBackend } from './wasm-backend';

/** A native convolution kernel: its operands are (x, w, y), (dy, w, dx) and (x, dy, dw) respectively. */
export type NativeConvKernel = 'conv2d_forward' | 'conv2d_backprop_input' | 'conv2d_backprop_filter';

/** Multiply-adds below which a convolution stays on one thread (handing work to a thread costs ~10-20 µs). */
const PARALLEL_MIN_MACS = 1 << 20;

/** Floats per image of each operand of `kernel`, 0 for the filter, which every image shares. */
function imageFloats(kernel: NativeConvKernel, g: ConvGeometry): [number, number, number] {
  const input = g.inHeight * g.inWidth * g.inChannels;
  const output = g.outHeight * g.outWidth * g.outChannels;
  if (kernel === 'conv2d_forward') return [input, 0, output];
  if (kernel === 'conv2d_backprop_input') return [output, 0, input];
  return [input, output, 0];
}

/**
 * Runs `kernel` on `a`, `b` and the output `out` (all NHWC or `[fh·fw·ci, co]`, allocated by the caller),
 * over `g`'s batch, on `native.threads` where present and the work is large enough.
 */
export function runNativeConv(
  wasm: WasmBackend,
  native: NativeKernels,
  kernel: NativeConvKernel,
  a: TensorInfo,
  b: TensorInfo,
  out: TensorInfo,
  g: ConvGeometry,
): void {
  const threads = native.threads;
  const macs = g.batchSize * g.outHeight * g.outWidth * g.outChannels * g.filterHeight * g.filterWidth * g.inChannels;
  const slices = threads === null || macs < PARALLEL_MIN_MACS ? 1 : Math.min(threads.size, g.batchSize);
  const sliceImages = Math.ceil(g.batchSize / Math.max(1, slices));
  const scratchFloats = native.exports[`${kernel}_scratch_floats`](...nativeConvArgs({ ...g, batchSize: sliceImages }));
  const scratchBytes = 16 * Math.ceil(scratchFloats / 4);
  const weightFloats = g.filterHeight * g.filterWidth * g.inChannels * g.outChannels;
  const partialBytes = kernel === 'conv2d_backprop_filter' ? 16 * Math.ceil(weightFloats / 4) : 0;
  // Scratch first: allocating may grow the memory, never move tensors.
  const scratch = native.scratch(slices * scratchBytes + (slices - 1) * partialBytes);
  const at = [memoryOffset(wasm, a), memoryOffset(wasm, b), memoryOffset(wasm, out)];
  if (slices === 1) {
    native.exports[kernel](at[0] as number, at[1] as number, at[2] as number, ...nativeConvArgs(g), scratch);
    return;
  }
  const perImage = imageFloats(kernel, g);
  const partials = scratch + slices * scratchBytes;
  const argLists: number[][] = [];
  for (let first = 0, t = 0; first < g.batchSize; first += sliceImages, t++) {
    const images = Math.min(sliceImages, g.batchSize - first);
    const [pa, pb, pc] = at.map((offset, i) => (offset as number) + 4 * first * (perImage[i] as number));
    const target = kernel === 'conv2d_backprop_filter' && t > 0 ? partials + (t - 1) * partialBytes : (pc as number);
    argLists.push([pa as number, pb as number, target, ...nativeConvArgs({ ...g, batchSize: images }), scratch + t * scratchBytes]);
  }
  (threads as NonNullable<typeof threads>).run(kernel, argLists);
  if (kernel !== 'conv2d_backprop_filter') return;
  const buffer = backendMemory(wasm).buffer;
  const dw = new Float32Array(buffer, at[2] as number, weightFloats);
  for (let t = 1; t < argLists.length; t++) {
    const partial = new Float32Array(buffer, partials + (t - 1) * partialBytes, weightFloats);
    for (let i = 0; i < weightFloats; i++) dw[i] = (dw[i] as number) + (partial[i] as number);
  }
}
