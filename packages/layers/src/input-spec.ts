import { shapeMismatch } from '@strata-ml/core';
import type { Shape } from './shape';

/**
 * What a layer accepts as input: a rank (exact, or bounds) and sizes of particular axes. Layers set it in
 * their constructor and refine it in `build` (Dense fixes the last axis to the size it was built for).
 */
export interface InputSpec {
  /** The exact rank, batch axis included. */
  ndim?: number;
  /** The smallest rank. */
  minNdim?: number;
  /** The largest rank. */
  maxNdim?: number;
  /** Sizes of given axes; negative axes count from the end (`{ [-1]: 784 }`). */
  axes?: Record<number, number>;
}

function describeAxis(axis: number, size: number): string {
  return axis === -1 ? `last dim ${size}` : `axis ${axis} of size ${size}`;
}

/**
 * Checks one input shape against a spec, throwing a `ShapeError` that names the layer, the expectation and
 * the shape received: `Dense 'dense_2': expected input last dim 784, received shape [128, 28, 28]`.
 */
export function checkInputSpec(where: string, spec: InputSpec, shape: Shape, inputName = 'input'): void {
  const rank = shape.length;
  if (spec.ndim !== undefined && rank !== spec.ndim) throw shapeMismatch(where, inputName, `of rank ${spec.ndim}`, shape);
  if (spec.minNdim !== undefined && rank < spec.minNdim) throw shapeMismatch(where, inputName, `of rank >= ${spec.minNdim}`, shape);
  if (spec.maxNdim !== undefined && rank > spec.maxNdim) throw shapeMismatch(where, inputName, `of rank <= ${spec.maxNdim}`, shape);
  for (const [key, size] of Object.entries(spec.axes ?? {})) {
    const axis = Number(key);
    const actual = shape[axis < 0 ? rank + axis : axis];
    if (actual != null && actual !== size) throw shapeMismatch(where, inputName, describeAxis(axis, size), shape);
  }
}
