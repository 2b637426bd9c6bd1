import { tf, invalidArgument, optionKeys, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { toFloat } from './same-rank';

/** Options of the top-k accuracies. */
export interface TopKOptions {
  /** How many of the highest predictions count as a hit; default 5. */
  k?: number;
}

/** The keys of {@link TopKOptions}, shared by both top-k accuracies. */
export const TOP_K_OPTION_KEYS = optionKeys<TopKOptions>({ k: true });

/** Checks `k` for the top-k metrics. */
export function checkK(where: string, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw invalidArgument(where, 'k', 'a positive integer', k);
}

/**
 * Per sample, 1 when class `labels` is among the `k` highest predictions. As TF's `in_top_k`, a class
 * counts as in the top k when fewer than k classes score strictly higher, so ties at the boundary are
 * all in. Computed on the device: the label's score, then a count of strictly higher scores.
 */
export function inTopK(labels: Tensor, yPred: Tensor, k: number): Tensor {
  return tf.tidy(() => {
    const numClasses = yPred.shape[yPred.rank - 1] ?? 1;
    const oneHot = tf.oneHot(tf.cast(labels, 'int32'), numClasses);
    const p = toFloat(yPred);
    const labelScore = tf.sum(tf.mul(p, oneHot), -1, true);
    const higher = tf.sum(toFloat(tf.greater(p, labelScore)), -1);
    return toFloat(tf.less(higher, k));
  });
}

/** Per sample, 1 when the class of the one-hot `yTrue` is among the `k` highest predictions (default k = 5). */
export function topKCategoricalAccuracy(yTrue: Tensor, yPred: Tensor, options: TopKOptions = {}): Tensor {
  const k = options.k ?? 5;
  checkK('topKCategoricalAccuracy', k);
  return tf.tidy(() => inTopK(tf.argMax(yTrue, -1), yPred, k));
}

/** Arguments of {@link TopKCategoricalAccuracy}. */
export interface TopKCategoricalAccuracyArgs extends TopKOptions {
  /** Name shown in logs; default `'top_k_categorical_accuracy'`. */
  name?: string;
}

const TOP_K_CATEGORICAL_ACCURACY_OPTIONS = defineOptions<TopKCategoricalAccuracyArgs>('TopKCategoricalAccuracy', {
  ...TOP_K_OPTION_KEYS,
  name: true,
});

/** How often a one-hot label is among the top `k` predictions (Keras's `TopKCategoricalAccuracy`, k = 5). */
export class TopKCategoricalAccuracy extends MeanMetricWrapper {
  override readonly className = 'TopKCategoricalAccuracy';
  /** How many of the highest predictions count as a hit. */
  readonly k: number;

  constructor(args: TopKCategoricalAccuracyArgs = {}) {
    TOP_K_CATEGORICAL_ACCURACY_OPTIONS.check(args);
    const k = args.k ?? 5;
    checkK('TopKCategoricalAccuracy', k);
    super((t, p) => topKCategoricalAccuracy(t, p, { k }), args.name ?? 'top_k_categorical_accuracy');
    this.k = k;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.k };
  }
}
