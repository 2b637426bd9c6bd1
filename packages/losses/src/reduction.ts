import { tf, invalidArgument } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { castLike, squeezeOrExpandToSameRank } from './same-rank';

/**
 * How a loss turns per-sample values into what is returned: `'sum_over_batch_size'` (Keras's default)
 * sums the weighted values and divides by their number of elements, `'sum'` sums them, `'none'` returns
 * them as they are.
 */
export type Reduction = 'sum_over_batch_size' | 'sum' | 'none';

/** Every spelling accepted for a {@link Reduction}: Keras's snake_case and camelCase. */
export type ReductionIdentifier = Reduction | 'sumOverBatchSize';

const REDUCTIONS: Readonly<Record<string, Reduction>> = {
  sum_over_batch_size: 'sum_over_batch_size',
  sumOverBatchSize: 'sum_over_batch_size',
  sum: 'sum',
  none: 'none',
};

/** Checks a reduction name and returns its canonical (snake_case) spelling. */
export function standardizeReduction(reduction: string, where = 'Loss'): Reduction {
  const found = Object.prototype.hasOwnProperty.call(REDUCTIONS, reduction) ? REDUCTIONS[reduction] : undefined;
  if (found === undefined) {
    throw invalidArgument(where, 'reduction', `one of ${Object.keys(REDUCTIONS).join(', ')}`, reduction);
  }
  return found;
}

/**
 * Weights per-sample losses by `sampleWeight` (broadcast after aligning ranks, as Keras does) and reduces
 * them. The divisor of `'sum_over_batch_size'` is the number of loss values, not the sum of the weights,
 * so a zero weight lowers the mean (Keras 3 semantics). A scalar `values` is returned as it is.
 */
export function reduceWeightedValues(values: Tensor, sampleWeight: Tensor | undefined, reduction: Reduction): Tensor {
  let weighted = values;
  if (sampleWeight !== undefined) {
    const [v, w] = squeezeOrExpandToSameRank(values, castLike(sampleWeight, values));
    weighted = tf.mul(v, w);
  }
  if (reduction === 'none' || weighted.rank === 0 || weighted.size === 0) return weighted;
  const total = tf.sum(weighted);
  return reduction === 'sum' ? total : tf.div(total, weighted.size);
}
