/**
 * DepthwiseConv2dNativeBackpropInput on the wasm backend (missing from tfjs-backend-wasm 4.22): the input
 * gradient of a depthwise convolution. With stride 1 and one output channel per input channel (the usual
 * depthwise and separable layers) it runs as a forward depthwise convolution on XNNPACK; otherwise one
 * direct pass scatters each output gradient back over the window it came from.
 */
import { DepthwiseConv2dNativeBackpropInput, type backend_util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { convGeometry, depthwiseConvInfo, type ConvGeometry } from '../conv-geometry';
import { float32Inputs, shape4Attr } from '../kernel-args';
import { runWasmKernel } from '../run-kernel';
import { asWasmBackend, f32, type WasmBackend } from '../wasm-backend';

/** `dx[b, ih, iw, c] += Σ_q dy[b, oh, ow, c·multiplier + q] · w[fh, fw, c, q]` into the zeroed `dx`. */
function scatterInputGradient(dy: Float32Array, w: Float32Array, dx: Float32Array, g: ConvGeometry): void {
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
              // The common case, without the inner sum: one multiply-add per channel.
              for (let c = 0; c < ci; c++) dx[xBase + c] = (dx[xBase + c] as number) + (dy[dyBase + c] as number) * (w[wBase + c] as number);
              continue;
            }
            for (let c = 0; c < ci; c++) {
              const o = c * multiplier;
              let sum = 0;
              for (let q = 0; q < multiplier; q++) sum += (dy[dyBase + o + q] as number) * (w[wBase + o + q] as number);
              dx[xBase + c] = (dx[xBase + c] as number) + sum;
            }
          }
        }
      }
    }
  }
}

/** Gradient of a depthwise conv2d with respect to its input, of shape `inputShape`. */
export const depthwiseConv2dNativeBackpropInput: KernelFunc = ({ inputs, backend, attrs }): TensorInfo => {
  const name = DepthwiseConv2dNativeBackpropInput;
  const wasm = asWasmBackend(backend, name);
  const [dy, filter] = float32Inputs(name, inputs, 'dy', 'filter');
  const inputShape = shape4Attr(name, attrs, 'inputShape');
  const info = depthwiseConvInfo(name, attrs, inputShape, filter.shape as [number, number, number, number]);
  const viaForward = forwardPadding(info);
  if (viaForward !== null) {
    const flipped = flipFilter(wasm, filter, info.filterHeight, info.filterWidth, info.inChannels);
    const out = runWasmKernel(wasm, 'DepthwiseConv2dNative', { x: dy, filter: flipped }, { strides: 1, dilations: 1, pad: viaForward });
    wasm.disposeData(flipped.dataId);
    return out;
  }
  const out = wasm.makeOutput(inputShape, 'float32');
  const dx = f32(wasm, out);
  dx.fill(0);
  scatterInputGradient(f32(wasm, dy), f32(wasm, filter), dx, convGeometry(info));
  return out;
};

/**
 * With stride 1, no dilation and one output channel per input channel, the input gradient is itself a
 * depthwise convolution: dy correlated with the filter turned 180°, padded by `filter - 1 - pad` on each
 * side. Returns that padding for the module's XNNPACK depthwise kernel, or null where this does not apply.
 */
function forwardPadding(info: backend_util.Conv2DInfo): [[number, number], [number, number], [number, number], [number, number]] | null {
  const { padInfo, filterHeight: fh, filterWidth: fw } = info;
  const simple = info.strideHeight === 1 && info.strideWidth === 1 && info.dilationHeight === 1 && info.dilationWidth === 1;
  if (!simple || info.outChannels !== info.inChannels) return null;
  const pads = [fh - 1 - padInfo.top, fh - 1 - padInfo.bottom, fw - 1 - padInfo.left, fw - 1 - padInfo.right];
  if (pads.some((p) => p < 0)) return null;
  return [[0, 0], [pads[0] as number, pads[1] as number], [pads[2] as number, pads[3] as number], [0, 0]];
}

/** The `[fh, fw, channels, 1]` filter turned 180° in its spatial axes, as a new tensor. */
function flipFilter(wasm: WasmBackend, filter: TensorInfo, fh: number, fw: number, channels: number): TensorInfo {
  const out = wasm.makeOutput(filter.shape, 'float32');
  const src = f32(wasm, filter);
  const dst = f32(wasm, out);
  for (let h = 0; h < fh; h++) {
    for (let w = 0; w < fw; w++) {
      const from = (h * fw + w) * channels;
      const to = ((fh - 1 - h) * fw + (fw - 1 - w)) * channels;
      dst.set(src.subarray(from, from + channels), to);
    }
  }
  return out;
}

/** Registration of `depthwiseConv2dNativeBackpropInput` for the wasm backend. */
export const depthwiseConv2dNativeBackpropInputConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dNativeBackpropInput,
};
