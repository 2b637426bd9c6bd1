/**
 * MaxPoolGrad on the wasm backend, replacing tfjs-backend-wasm 4.22's, which loses the gradient of
 * windows whose values are all negative (measured: a 2x2 window of [-0.26, -0.93, -0.70, -0.61] passed no
 * gradient to its maximum), so max-pooling networks trained wrongly there. Each output gradient goes to
 * the first largest input of its window in row-major order, as in the cpu backend.
 */
import { MaxPoolGrad, backend_util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { float32Inputs, numbersAttr, padAttr } from '../kernel-args';
import { asWasmBackend, f32 } from '../wasm-backend';

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
  const dx = f32(wasm, out);
  const xs = f32(wasm, x);
  const dys = f32(wasm, dy);
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
        for (let c = 0; c < channels; c++) {
          best[c] = Number.NEGATIVE_INFINITY;
          where[c] = -1;
        }
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
  return out;
};

/** Registration of `maxPoolGrad` for the wasm backend. */
export const maxPoolGradConfig: KernelConfig = { kernelName: MaxPoolGrad, backendName: 'wasm', kernelFunc: maxPoolGrad };
