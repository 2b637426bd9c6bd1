/**
 * Test support: the depthwise convolution shapes that both depthwise gradient kernels are checked on.
 * Not part of the published package.
 */
import { backend_util } from '@tensorflow/tfjs-core';

/** One depthwise convolution: NHWC input shape, `[fh, fw, inChannels, multiplier]` filter shape, and its settings. */
export interface DepthwiseCase {
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly dilations: [number, number];
  readonly pad: 'same' | 'valid';
}

/** Multipliers above 1, strides, dilations and a 1x1 case, then the fast path's usual depthwise layers. */
export const DEPTHWISE_CASES: readonly DepthwiseCase[] = [
  { x: [2, 7, 9, 3], filter: [3, 3, 3, 2], strides: [1, 1], dilations: [1, 1], pad: 'same' },
  { x: [2, 8, 7, 4], filter: [3, 2, 4, 1], strides: [2, 2], dilations: [1, 1], pad: 'valid' },
  { x: [1, 9, 9, 2], filter: [3, 3, 2, 3], strides: [1, 1], dilations: [2, 2], pad: 'same' },
  { x: [1, 1, 1, 1], filter: [1, 1, 1, 1], strides: [1, 1], dilations: [1, 1], pad: 'valid' },
  // One output channel per input channel at stride 1: the usual depthwise layer.
  { x: [2, 7, 9, 3], filter: [3, 3, 3, 1], strides: [1, 1], dilations: [1, 1], pad: 'same' },
  { x: [1, 6, 5, 4], filter: [2, 2, 4, 1], strides: [1, 1], dilations: [1, 1], pad: 'same' },
  { x: [2, 6, 5, 4], filter: [2, 3, 4, 1], strides: [1, 1], dilations: [1, 1], pad: 'valid' },
];

/** The shape of the output (and so of its gradient `dy`) of case `c`. */
export function depthwiseOutputShape(c: DepthwiseCase): [number, number, number, number] {
  const info = backend_util.computeConv2DInfo(c.x, c.filter, c.strides, c.dilations, c.pad, undefined, true);
  return [info.batchSize, info.outHeight, info.outWidth, info.outChannels];
}
