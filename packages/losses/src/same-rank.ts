import { tf } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';

/**
 * Makes two tensors whose ranks differ by one agree, as Keras's `squeeze_or_expand_to_same_rank`: the one
 * with a trailing axis of size 1 loses it, except that a rank-1 partner is expanded instead (so labels
 * `[N]` against predictions `[N, 1]` become `[N, 1]`). Tensors whose ranks are equal or differ otherwise are
 * returned unchanged.
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

/**
 * Casts `yTrue` to the dtype of `yPred` (labels often arrive as int32) and aligns their ranks with
 * {@link squeezeOrExpandToSameRank}; the regression losses start with it, as in Keras.
 */
export function alignTargets(yTrue: Tensor, yPred: Tensor): [Tensor, Tensor] {
  return squeezeOrExpandToSameRank(castLike(yTrue, yPred), yPred);
}

/** `x` in the dtype of `like`, without a copy when it already is. */
export function castLike(x: Tensor, like: Tensor): Tensor {
  return x.dtype === like.dtype ? x : tf.cast(x, like.dtype);
}
