/**
 * Strata computes channels-last (NHWC, NWC); ONNX's convolution and pooling operators are channels-first.
 * Converters transpose in and out around them (ONNX Runtime folds back-to-back transposes away), and pad
 * as TensorFlow does for `'same'`: the extra row or column goes at the end.
 */
import type { OnnxGraph } from './onnx-graph';

/** NHWC → NCHW (any rank ≥ 3). */
export function toChannelsFirst(g: OnnxGraph, x: string, rank: number, base: string): string {
  const perm = [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
  return g.op('Transpose', [x], base, { perm: { ints: perm } });
}

/** NCHW → NHWC (any rank ≥ 3). */
export function toChannelsLast(g: OnnxGraph, x: string, rank: number, base: string): string {
  const perm = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
  return g.op('Transpose', [x], base, { perm: { ints: perm } });
}

/**
 * The `[begin, end]` padding of one spatial axis of size `n` for a window of (dilated) size `k` and stride
 * `s`: none for `'valid'`, TensorFlow's for `'same'`, all before for `'causal'`; `null` when `n` is unknown
 * and the padding depends on it.
 */
export function axisPads(n: number | null, k: number, s: number, padding: string): [number, number] | null {
  if (padding === 'valid') return [0, 0];
  if (padding === 'causal') return [k - 1, 0];
  if (n === null) return null;
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** ONNX's `pads` (all begins, then all ends), or `auto_pad: SAME_UPPER` when an input size is unknown. */
export function padAttributes(pads: ([number, number] | null)[]): Record<string, { ints: number[] } | { s: string }> {
  if (pads.some((p) => p === null)) return { auto_pad: { s: 'SAME_UPPER' } };
  const known = pads as [number, number][];
  return { pads: { ints: [...known.map((p) => p[0]), ...known.map((p) => p[1])] } };
}
