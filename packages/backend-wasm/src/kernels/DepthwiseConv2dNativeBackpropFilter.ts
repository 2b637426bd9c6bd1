/**
 * DepthwiseConv2dNativeBackpropFilter on the wasm backend (missing from tfjs-backend-wasm 4.22, so
 * depthwise and separable convolutions could not train there). A depthwise filter gradient does as many
 * multiply-adds as the forward pass and has no shared inner dimension to hand to a matrix product, so it
 * is one direct pass over the heap with channel-contiguous inner loops, accumulated in float64.
 */
import { DepthwiseConv2dNativeBackpropFilter } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { convGeometry, depthwiseConvInfo, type ConvGeometry } from '../conv-geometry';
import { float32Inputs, shape4Attr } from '../kernel-args';
import { asWasmBackend, f32 } from '../wasm-backend';

/** `dW[fh, fw, c, q] = Σ x[b, ih, iw, c] · dy[b, oh, ow, c·multiplier + q]` into `dw` (float64). */
function accumulateFilterGradient(x: Float32Array, dy: Float32Array, dw: Float64Array, g: ConvGeometry): void {
  const ci = g.inChannels;
  const co = g.outChannels;
  const multiplier = co / ci;
  for (let b = 0; b < g.batchSize; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let fh = 0; fh < g.filterHeight; fh++) {
        const ih = oh * g.strideHeight - g.padTop + fh * g.dilationHeight;
        if (ih < 0 || ih >= g.inHeight) continue;
        for (let ow = 0; ow < g.outWidth; ow++) {
          const dyBase = ((b * g.outHeight + oh) * g.outWidth + ow) * co;
          for (let fw = 0; fw < g.filterWidth; fw++) {
            const iw = ow * g.strideWidth - g.padLeft + fw * g.dilationWidth;
            if (iw < 0 || iw >= g.inWidth) continue;
            const xBase = ((b * g.inHeight + ih) * g.inWidth + iw) * ci;
            const wBase = (fh * g.filterWidth + fw) * co;
            if (multiplier === 1) {
              // The common case, without the inner loop: one multiply-add per channel.
              for (let c = 0; c < ci; c++) dw[wBase + c] = (dw[wBase + c] as number) + (x[xBase + c] as number) * (dy[dyBase + c] as number);
              continue;
            }
            for (let c = 0; c < ci; c++) {
              const xv = x[xBase + c] as number;
              const o = c * multiplier;
              for (let q = 0; q < multiplier; q++) dw[wBase + o + q] = (dw[wBase + o + q] as number) + xv * (dy[dyBase + o + q] as number);
            }
          }
        }
      }
    }
  }
}

/** Gradient of a depthwise conv2d with respect to its filter, `[fh, fw, inChannels, multiplier]`. */
export const depthwiseConv2dNativeBackpropFilter: KernelFunc = ({ inputs, backend, attrs }): TensorInfo => {
  const name = DepthwiseConv2dNativeBackpropFilter;
  const wasm = asWasmBackend(backend, name);
  const [x, dy] = float32Inputs(name, inputs, 'x', 'dy');
  const filterShape = shape4Attr(name, attrs, 'filterShape');
  const g = convGeometry(depthwiseConvInfo(name, attrs, x.shape as [number, number, number, number], filterShape));
  const dw = new Float64Array(filterShape.reduce((p, d) => p * d, 1));
  accumulateFilterGradient(f32(wasm, x), f32(wasm, dy), dw, g);
  const out = wasm.makeOutput(filterShape, 'float32');
  f32(wasm, out).set(dw);
  return out;
};

/** Registration of `depthwiseConv2dNativeBackpropFilter` for the wasm backend. */
export const depthwiseConv2dNativeBackpropFilterConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dNativeBackpropFilter,
};
