/**
 * The [outer, reduce, inner] view the reduction kernel walks. Reduced axes that are adjacent in memory
 * need no data movement (summing the batch axis of [128, 256] is outer 1, reduce 128, inner 256); other
 * axis sets are first transposed so the reduced axes come last.
 */
import { sizeOf } from './strides';

/** How to reduce a tensor along some axes. */
export interface ReductionPlan {
  /** The permutation to apply first, or null when the reduced axes are already adjacent. */
  readonly permutation: number[] | null;
  readonly outer: number;
  readonly reduce: number;
  readonly inner: number;
}

/** Plans the reduction of a tensor of `shape` over `axes` (normalised: non-negative, any order). */
export function planReduction(shape: readonly number[], axes: readonly number[]): ReductionPlan {
  const sorted = [...new Set(axes)].sort((x, y) => x - y);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const reduce = sizeOf(sorted.map((a) => shape[a] ?? 1));
  if (first === undefined || last === undefined) {
    return { permutation: null, outer: sizeOf(shape), reduce: 1, inner: 1 };
  }
  // Size-1 axes never break adjacency: they hold no elements to step over.
  const between = shape.slice(first, last + 1).filter((d, i) => !sorted.includes(first + i) && d !== 1);
  if (between.length === 0) {
    return {
      permutation: null,
      outer: sizeOf(shape.slice(0, first)),
      reduce,
      inner: sizeOf(shape.slice(last + 1)),
    };
  }
  const kept = shape.map((_, i) => i).filter((i) => !sorted.includes(i));
  return { permutation: [...kept, ...sorted], outer: sizeOf(kept.map((a) => shape[a] ?? 1)), reduce, inner: 1 };
}
