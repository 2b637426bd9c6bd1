/**
 * The geometry of a 2-D convolution as Strata's convolution kernels read it, taken from tfjs-core's
 * `Conv2DInfo`, and the NCHW → NHWC step that lets those kernels work on one layout.
 */
import type { TensorInfo, backend_util } from '@tensorflow/tfjs-core';
import { runWasmKernel } from './run-kernel';
import type { WasmBackend } from './wasm-backend';

/** Sizes, strides, dilations and leading padding of a 2-D convolution over NHWC data. */
export interface ConvGeometry {
  readonly batchSize: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly inChannels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly outChannels: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly dilationHeight: number;
  readonly dilationWidth: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/** The geometry described by a tfjs-core `Conv2DInfo`. */
export function convGeometry(info: backend_util.Conv2DInfo): ConvGeometry {
  return {
    batchSize: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight,
    dilationWidth: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/** NCHW → NHWC, as a new tensor the caller disposes. */
export function toChannelsLast(backend: WasmBackend, t: TensorInfo): TensorInfo {
  return runWasmKernel(backend, 'Transpose', { x: t }, { perm: [0, 2, 3, 1] });
}
