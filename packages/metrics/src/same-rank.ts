import { tf } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';

/**
 * Keras's `squeeze_or_expand_to_same_rank`: when two ranks differ by one and the longer tensor ends in an
 * axis of size 1, that axis is dropped, except that a rank-1 partner is expanded instead.
 */
export function squeezeOrExpandToSameRank(x1: Tensor, x2: Tensor): [Tensor, Tensor] {
  const r1 = x1.rank;
  const r2 = x2.rank;
  if (r1 === r2 + 1 && x1.shape[r1 - 1] === 1) {
    return r2 === 1 ? [x1, tf.expandDims(x2, -1)] : [tf.squeeze(x1, [r1 - 1]), x2];
  }
  if (r2 === r1 + 1 && x2.shape[r2 - 1] === 1) {
    return r1 === 1 ? [tf.expandDims(x1, -1), x2] : [x1, tf.squeeze(x2, [r2 - 1])];
  }
  return [x1, x2];
}

/** `x` as float32, without a copy when it already is. */
export function toFloat(x: Tensor): Tensor {
  return x.dtype === 'float32' ? x : tf.cast(x, 'float32');
}
