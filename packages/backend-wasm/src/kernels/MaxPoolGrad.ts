/**
 * MaxPoolGrad on the wasm backend, replacing tfjs-backend-wasm 4.22's, which loses the gradient of
 * windows whose values are all negative (measured: a 2x2 window of [-0.26, -0.93, -0.70, -0.61] passed no
 * gradient to its maximum), so max-pooling networks trained wrongly there. Each output gradient goes to
 * the first largest input of its window in row-major order, as in the cpu backend; overlapping windows
 * add up. It runs in `native/max_pool_grad.c` (four channels at a time in WebAssembly SIMD, in memory
 * order: ~2.5-3 ms against ~34 ms for the JavaScript loop below on the [128, 26, 26, 64] input of the
 * cnn-mnist benchmark's first pool); the loop remains for platforms without SIMD and gives the same bits.
 */
import { MaxPoolGrad, backend_util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { float32Inputs, numbersAttr, padAttr } from '../kernel-args';
import { nativeKernels } from '../native-kernels';
import { asWasmBackend, f32, memoryOffset } from '../wasm-backend';

/** The geometry of a pool, as `backend_util.computePool2DInfo` gives it. */
export type PoolInfo = backend_util.Conv2DInfo;

/**
 * Writes into `dx` (NHWC, of the pool's input shape) the gradient of a max pool of `xs` for the output
 * gradient `dys`, in JavaScript: the fallback of the native kernel, which it matches bit for bit.
 */
export function maxPoolGradLoop(info: PoolInfo, xs: Float32Array, dys: Float32Array, dx: Float32Array): void {
  dx.fill(0);
  const channels = info.inChannels;
  // Per channel of the current window: the largest value so far and where it is.
  const best = new Float32Array(channels);
  const where = new Int32Array(channels);
  for (let b = 0; b < info.batchSize; b++) {
    for (let oh = 0; oh < info.outHeight; oh++) {
      const top = oh * info.strideHeight - info.padInfo.top;
      const h0 = Math.max(0, top);
      const h1 = Math.min(info.inHeight, top + info.filterHeight);
      for (let ow = 0; ow < info.outWidth; ow++) {
        const left = ow * info.strideWidth - info.padInfo.left;
        const w0 = Math.max(0, left);
        const w1 = Math.min(info.inWidth, left + info.filterWidth);
        best.fill(Number.NEGATIVE_INFINITY);
        where.fill(-1);
        for (let ih = h0; ih < h1; ih++) {
          for (let iw = w0; iw < w1; iw++) {
            const base = ((b * info.inHeight + ih) * info.inWidth + iw) * channels;
            for (let c = 0; c < channels; c++) {
              const v = xs[base + c] as number;
              if (v > (best[c] as number)) {
                best[c] = v;
                where[c] = base + c;
              }
            }
          }
        }
        const dyBase = ((b * info.outHeight + oh) * info.outWidth + ow) * channels;
        for (let c = 0; c < channels; c++) {
          const at = where[c] as number;
          if (at >= 0) dx[at] = (dx[at] as number) + (dys[dyBase + c] as number);
        }
      }
    }
  }
}

/** Gradient of maxPool with respect to its input, of the input's shape. */
export const maxPoolGrad: KernelFunc = ({ inputs, backend, attrs }): TensorInfo => {
  const wasm = asWasmBackend(backend, MaxPoolGrad);
  const [dy, x] = float32Inputs(MaxPoolGrad, inputs, 'dy', 'input');
  const info = backend_util.computePool2DInfo(
    x.shape as [number, number, number, number],
    numbersAttr(MaxPoolGrad, attrs, 'filterSize') as [number, number],
    numbersAttr(MaxPoolGrad, attrs, 'strides') as [number, number],
    1,
    padAttr(MaxPoolGrad, attrs),
    attrs?.['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
  );
  const out = wasm.makeOutput(x.shape, 'float32');
  const native = nativeKernels(wasm);
  if (native === null) {
    maxPoolGradLoop(info, f32(wasm, x), f32(wasm, dy), f32(wasm, out));
  } else {
    // One running maximum (float32) and its position (int32) per output column and channel.
    const entries = info.outWidth * info.inChannels;
    const bestBytes = 16 * Math.ceil((4 * entries) / 16);
    const best = native.scratch(bestBytes + 4 * entries);
    native.exports.max_pool_grad(
      memoryOffset(wasm, x), memoryOffset(wasm, dy), memoryOffset(wasm, out), info.batchSize, info.inHeight, info.inWidth,
      info.inChannels, info.outHeight, info.outWidth, info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth,
      info.padInfo.top, info.padInfo.left, best, best + bestBytes,
    );
  }
  return out;
};

/** Registration of `maxPoolGrad` for the wasm backend. */
export const maxPoolGradConfig: KernelConfig = { kernelName: MaxPoolGrad, backendName: 'wasm', kernelFunc: maxPoolGrad };
