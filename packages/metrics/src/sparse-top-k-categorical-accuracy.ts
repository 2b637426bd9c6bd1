import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { squeezeSparseLabels } from './sparse-categorical-accuracy';
import { TOP_K_OPTION_KEYS, checkK, inTopK } from './top-k-categorical-accuracy';
import type { TopKOptions } from './top-k-categorical-accuracy';

/** Per sample, 1 when the integer label is among the `k` highest predictions (default k = 5). */
export function sparseTopKCategoricalAccuracy(yTrue: Tensor, yPred: Tensor, options: TopKOptions = {}): Tensor {
  const k = options.k ?? 5;
  checkK('sparseTopKCategoricalAccuracy', k);
  return tf.tidy(() => inTopK(squeezeSparseLabels(yTrue, yPred), yPred, k));
}

/** Arguments of {@link SparseTopKCategoricalAccuracy}. */
export interface SparseTopKCategoricalAccuracyArgs extends TopKOptions {
  /** Name shown in logs; default `'sparse_top_k_categorical_accuracy'`. */
  name?: string;
}

const SPARSE_TOP_K_CATEGORICAL_ACCURACY_OPTIONS = defineOptions<SparseTopKCategoricalAccuracyArgs>('SparseTopKCategoricalAccuracy', {
  ...TOP_K_OPTION_KEYS,
  name: true,
});

/** How often an integer label is among the top `k` predictions (Keras's `SparseTopKCategoricalAccuracy`, k = 5). */
export class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
  override readonly className = 'SparseTopKCategoricalAccuracy';
  /** How many of the highest predictions count as a hit. */
  readonly k: number;

  constructor(args: SparseTopKCategoricalAccuracyArgs = {}) {
    SPARSE_TOP_K_CATEGORICAL_ACCURACY_OPTIONS.check(args);
    const k = args.k ?? 5;
    checkK('SparseTopKCategoricalAccuracy', k);
    super((t, p) => sparseTopKCategoricalAccuracy(t, p, { k }), args.name ?? 'sparse_top_k_categorical_accuracy');
    this.k = k;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.k };
  }
}
