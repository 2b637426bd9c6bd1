import { tf, Tensor, invalidArgument, ValueError } from '@strata-ml/core';

/** Padding modes of convolutions and poolings; `causal` only for Conv1D. */
export type PaddingMode = 'valid' | 'same' | 'causal';

/** The only data format Strata supports: channels last, as Keras's default. */
export type DataFormat = 'channels_last' | 'channelsLast';

/**
 * Turns `value` (a number or a tuple of `n` numbers) into a tuple of `n` integers, each at least `min`:
 * `normalizeTuple('Conv2D', 'kernelSize', 3, 2)` → `[3, 3]`.
 */
export function normalizeTuple(where: string, argument: string, value: number | readonly number[], n: number, min = 1): number[] {
  const expected = `an integer >= ${min} or an array of ${n} such integers`;
  const list = typeof value === 'number' ? new Array<number>(n).fill(value) : Array.isArray(value) ? value.slice() : null;
  if (list === null || list.length !== n || !list.every((v) => Number.isInteger(v) && v >= min)) {
    throw invalidArgument(where, argument, expected, value);
  }
  return list;
}

/** Checks a padding mode (`'valid'`, `'same'`, and `'causal'` where allowed), case-insensitively. */
export function normalizePadding(where: string, value: unknown, allowCausal = false): PaddingMode {
  const allowed = allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  const mode = typeof value === 'string' ? value.toLowerCase() : value;
  if (typeof mode !== 'string' || !allowed.includes(mode)) {
    throw invalidArgument(where, 'padding', `one of ${allowed.map((m) => `'${m}'`).join(', ')}`, value);
  }
  return mode as PaddingMode;
}

/**
 * Accepts only channels-last data (`[batch, ..., channels]`). TF.js and Keras also know `channels_first`;
 * Strata's backends are channels-last throughout, so it is refused rather than emulated with transposes.
 */
export function checkDataFormat(where: string, value: unknown): void {
  if (value == null || value === 'channels_last' || value === 'channelsLast') return;
  if (value === 'channels_first' || value === 'channelsFirst') {
    throw new ValueError(`${where}: dataFormat 'channels_first' is not supported; Strata layers are channels-last only (inputs [batch, ..., channels]); received dataFormat="${value}"`);
  }
  throw invalidArgument(where, 'dataFormat', "'channels_last'", value);
}

/** The kernel's extent once dilated: `k + (k - 1)(d - 1)`. */
export function dilatedKernelSize(kernel: number, dilation: number): number {
  return kernel + (kernel - 1) * (dilation - 1);
}

/**
 * The output length of a convolution or pooling along one axis, as TensorFlow computes it: `valid` keeps
 * only full windows, `same` (and `causal`, which pads on the left) gives `ceil(length / stride)`.
 */
export function convOutputLength(length: number | null, kernel: number, padding: PaddingMode, stride: number, dilation = 1): number | null {
  if (length === null) return null;
  const k = dilatedKernelSize(kernel, dilation);
  const span = padding === 'valid' ? length - k + 1 : length;
  return Math.max(0, Math.floor((span + stride - 1) / stride));
}

/**
 * The output length of a transposed convolution along one axis (Keras's formula). Without
 * `outputPadding`: `valid` → `length·stride + max(k − stride, 0)`, `same` → `length·stride`. With it:
 * `(length − 1)·stride + k − 2·pad + outputPadding`, where `pad` is `floor(k / 2)` for `same`, 0 for `valid`.
 */
export function deconvOutputLength(
  length: number | null,
  kernel: number,
  padding: 'valid' | 'same',
  stride: number,
  outputPadding: number | null,
  dilation = 1,
): number | null {
  if (length === null) return null;
  const k = dilatedKernelSize(kernel, dilation);
  if (outputPadding === null) return padding === 'valid' ? length * stride + Math.max(k - stride, 0) : length * stride;
  const pad = padding === 'same' ? Math.floor(k / 2) : 0;
  return (length - 1) * stride + k - 2 * pad + outputPadding;
}

/**
 * Spreads a kernel's taps apart: along each of its leading spatial axes `i`, inserts `dilations[i] − 1`
 * zeros between neighbouring taps. A plain convolution with the result equals the dilated convolution
 * with the original kernel; unlike tfjs's dilated `conv2d`, its gradient is defined.
 */
export function dilateKernel(kernel: Tensor, dilations: readonly number[]): Tensor {
  return tf.tidy(() => {
    let k = kernel;
    dilations.forEach((d, axis) => {
      if (d === 1) return;
      const shape = k.shape;
      const taps = shape[axis] as number;
      // [.., taps, ..] → [.., taps, d, ..] with zeros after each tap → [.., taps·d, ..], minus the trailing zeros.
      const paddings = [...shape, 1].map((_, i): [number, number] => (i === axis + 1 ? [0, d - 1] : [0, 0]));
      const spread = tf.pad(tf.expandDims(k, axis + 1), paddings);
      const merged = tf.reshape(spread, [...shape.slice(0, axis), taps * d, ...shape.slice(axis + 1)]);
      k = tf.slice(merged, shape.map(() => 0), shape.map((n, i) => (i === axis ? (taps - 1) * d + 1 : n)));
    });
    return k;
  });
}
