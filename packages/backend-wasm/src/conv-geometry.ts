/**
 * The geometry of a 2-D convolution as Strata's convolution kernels read it, taken from tfjs-core's
 * `Conv2DInfo`, and the NCHW → NHWC step that lets those kernels work on one layout.
 */
import { backend_util, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';
import { numbersAttr, padAttr } from './kernel-args';
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

/** The geometry arguments of the native convolution kernels (`native/conv2d_forward.h`, `native/conv2d_backprop_*.h`), in their order. */
export type NativeConvArgs = [
  batch: number, inHeight: number, inWidth: number, inChannels: number, outHeight: number, outWidth: number, outChannels: number,
  filterHeight: number, filterWidth: number, strideHeight: number, strideWidth: number, dilationHeight: number,
  dilationWidth: number, padTop: number, padLeft: number,
];

/** The arguments that the native convolution kernels take for `g`, in their order. */
export function nativeConvArgs(g: ConvGeometry): NativeConvArgs {
  return [
    g.batchSize, g.inHeight, g.inWidth, g.inChannels, g.outHeight, g.outWidth, g.outChannels, g.filterHeight, g.filterWidth,
    g.strideHeight, g.strideWidth, g.dilationHeight, g.dilationWidth, g.padTop, g.padLeft,
  ];
}

/**
 * The `Conv2DInfo` of a depthwise convolution of an NHWC `inShape` input with `filterShape`, its strides,
 * dilations, padding and rounding read from the attributes of kernel `kernelName`.
 */
export function depthwiseConvInfo(
  kernelName: string,
  attrs: NamedAttrMap | undefined,
  inShape: [number, number, number, number],
  filterShape: [number, number, number, number],
): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    inShape,
    filterShape,
    numbersAttr(kernelName, attrs, 'strides') as [number, number],
    numbersAttr(kernelName, attrs, 'dilations') as [number, number],
    padAttr(kernelName, attrs),
    attrs?.['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
    true,
  );
}

/** NCHW → NHWC, as a new tensor the caller disposes. */
export function toChannelsLast(backend: WasmBackend, t: TensorInfo): TensorInfo {
  return runWasmKernel(backend, 'Transpose', { x: t }, { perm: [0, 2, 3, 1] });
}
