import { formatShape, invalidArgument, shapeMismatch } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';

/** Throws a `ShapeError` naming `where` unless `yTrue` and `yPred` have the same shape. */
export function assertSameShape(where: string, yTrue: Tensor, yPred: Tensor): void {
  const a = yTrue.shape;
  const b = yPred.shape;
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
    throw shapeMismatch(where, 'yTrue', `the shape of yPred ${formatShape(b)}`, a);
  }
}

/** Resolves a possibly negative `axis` against `rank`, or throws naming `where`. */
export function resolveAxis(where: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw invalidArgument(where, 'axis', `an integer in [${-rank}, ${rank - 1}] for yPred of rank ${rank}`, axis);
  }
  return axis < 0 ? axis + rank : axis;
}

/** Checks that `labelSmoothing` lies in [0, 1]. */
export function checkLabelSmoothing(where: string, labelSmoothing: number): void {
  if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
    throw invalidArgument(where, 'labelSmoothing', 'a number in [0, 1]', labelSmoothing);
  }
}
