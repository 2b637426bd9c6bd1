/**
 * AvgPoolGrad on the wasm backend, replacing tfjs-backend-wasm 4.22's, which is wrong for 'same' padding
 * and slow. The forward average pool divides each window by the number of input positions it covers
 * (padding excluded, as in TensorFlow and Keras); the stock gradient divides by the full window size
 * instead (measured: for a 2x2, stride-1 'same' pool of a 3x3 input, the corner input that four windows
 * of 4, 2, 2 and 1 positions cover got 1 instead of 1/4 + 1/2 + 1/2 + 1 = 2.25). Here each output gradient
 * is spread evenly over exactly the positions its window averaged, in one pass (the stock kernel took
 * ~10x the forward pass).
 */
import { AvgPoolGrad, backend_util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument } from '@strata-ml/core';
import { input, numbersAttr, padAttr } from '../kernel-args';
import { asWasmBackend, f32 } from '../wasm-backend';

/** Gradient of avgPool with respect to its input, of the input's shape. */
export const avgPoolGrad: KernelFunc = ({ inputs, backend, attrs }): TensorInfo => {
  const wasm = asWasmBackend(backend, AvgPoolGrad);
  const dy = input(AvgPoolGrad, inputs, 'dy');
  const x = input(AvgPoolGrad, inputs, 'input');
  if (dy.dtype !== 'float32') throw invalidArgument(AvgPoolGrad, 'dy', 'a float32 tensor', `dtype ${dy.dtype}`);
  const info = backend_util.computePool2DInfo(
    x.shape as [number, number, number, number],
    numbersAttr(AvgPoolGrad, attrs, 'filterSize') as [number, number],
    numbersAttr(AvgPoolGrad, attrs, 'strides') as [number, number],
    1,
    padAttr(AvgPoolGrad, attrs),
  );
  const out = wasm.makeOutput(x.shape, 'float32');
  const dx = f32(wasm, out);
  const dys = f32(wasm, dy);
  dx.fill(0);
  const channels = info.inChannels;
  for (let b = 0; b < info.batchSize; b++) {
    for (let oh = 0; oh < info.outHeight; oh++) {
      const top = oh * info.strideHeight - info.padInfo.top;
      const h0 = Math.max(0, top);
      const h1 = Math.min(info.inHeight, top + info.filterHeight);
      for (let ow = 0; ow < info.outWidth; ow++) {
        const left = ow * info.strideWidth - info.padInfo.left;
        const w0 = Math.max(0, left);
        const w1 = Math.min(info.inWidth, left + info.filterWidth);
        const count = (h1 - h0) * (w1 - w0);
        if (count <= 0) continue;
        const scale = 1 / count;
        const dyBase = ((b * info.outHeight + oh) * info.outWidth + ow) * channels;
        for (let ih = h0; ih < h1; ih++) {
          for (let iw = w0; iw < w1; iw++) {
            const base = ((b * info.inHeight + ih) * info.inWidth + iw) * channels;
            for (let c = 0; c < channels; c++) dx[base + c] = (dx[base + c] as number) + (dys[dyBase + c] as number) * scale;
          }
        }
      }
    }
  }
  return out;
};

/** Registration of `avgPoolGrad` for the wasm backend. */
export const avgPoolGradConfig: KernelConfig = { kernelName: AvgPoolGrad, backendName: 'wasm', kernelFunc: avgPoolGrad };
