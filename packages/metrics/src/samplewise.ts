import { tf } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { squeezeOrExpandToSameRank, toFloat } from './same-rank';

/**
 * Keras's `reduce_to_samplewise_values`: weights `values` by `sampleWeight` (values first reduced with
 * `reduce` down to the weight's rank, weights broadcast to the values) and reduces everything past the
 * batch axis. Returns the per-sample values and the per-sample weights (undefined when unweighted).
 */
export function reduceToSamplewise(
  values: Tensor,
  sampleWeight: Tensor | undefined,
  reduce: (x: Tensor, axis: number[]) => Tensor,
): [Tensor, Tensor | undefined] {
  let v = toFloat(values);
  let w: Tensor | undefined;
  if (sampleWeight !== undefined) {
    [v, w] = squeezeOrExpandToSameRank(v, toFloat(sampleWeight));
    if (v.rank > w.rank) v = reduce(v, range(w.rank, v.rank));
    w = tf.broadcastTo(w, v.shape);
    v = tf.mul(v, w);
    if (w.rank > 1) w = reduce(w, range(1, w.rank));
  }
  if (v.rank > 1) v = reduce(v, range(1, v.rank));
  return [v, w];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
