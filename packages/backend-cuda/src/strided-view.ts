/**
 * Element moves described as strided views, for the one native copy kernel: the output is walked in
 * row-major order over `shape`, reading the source at `srcOffset + Σ coord·srcStrides`. Transpose,
 * Slice, StridedSlice, Reverse and BroadcastTo are each one view; Concat writes each input through a
 * destination view.
 */
import { contiguousStrides } from './strides';

/** A source walk over an output shape. */
export interface SourceView {
  readonly shape: number[];
  readonly srcStrides: number[];
  readonly srcOffset: number;
}

/** out[i0…] = x[i_perm…]: output axis d walks input axis perm[d]. */
export function transposeView(shape: readonly number[], perm: readonly number[]): SourceView {
  const strides = contiguousStrides(shape);
  return { shape: perm.map((p) => shape[p] ?? 1), srcStrides: perm.map((p) => strides[p] ?? 0), srcOffset: 0 };
}

/** out = x[begin + coord·step] for each axis (Slice: step 1; StridedSlice: any non-zero step). */
export function stridedSliceView(shape: readonly number[], begin: readonly number[], size: readonly number[], step?: readonly number[]): SourceView {
  const strides = contiguousStrides(shape);
  const offset = begin.reduce((o, b, d) => o + b * (strides[d] ?? 0), 0);
  return { shape: [...size], srcStrides: strides.map((s, d) => s * (step?.[d] ?? 1)), srcOffset: offset };
}

/** out = x reversed along `axes`. */
export function reverseView(shape: readonly number[], axes: readonly number[]): SourceView {
  const strides = contiguousStrides(shape);
  const offset = axes.reduce((o, a) => o + ((shape[a] ?? 1) - 1) * (strides[a] ?? 0), 0);
  return { shape: [...shape], srcStrides: strides.map((s, d) => (axes.includes(d) ? -s : s)), srcOffset: offset };
}

/** out = x broadcast to `outShape` (x's rank padded with leading 1s; size-1 axes repeat). */
export function broadcastToView(shape: readonly number[], outShape: readonly number[]): SourceView {
  const padded = [...new Array<number>(outShape.length - shape.length).fill(1), ...shape];
  const strides = contiguousStrides(padded);
  return { shape: [...outShape], srcStrides: padded.map((d, i) => (d === 1 ? 0 : strides[i] ?? 0)), srcOffset: 0 };
}
