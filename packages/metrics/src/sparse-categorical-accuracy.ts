import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { toFloat } from './same-rank';

/**
 * `yTrue` without a trailing axis of size 1 when it has the rank of `yPred` (labels `[N, 1]` against
 * predictions `[N, C]`), as integer-valued float32.
 */
export function squeezeSparseLabels(yTrue: Tensor, yPred: Tensor): Tensor {
  const t = toFloat(yTrue);
  return t.rank === yPred.rank && t.shape[t.rank - 1] === 1 ? tf.squeeze(t, [t.rank - 1]) : t;
}

/** Per sample, 1 when the arg-max of `yPred` equals the integer label, else 0. */
export function sparseCategoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => toFloat(tf.equal(squeezeSparseLabels(yTrue, yPred), toFloat(tf.argMax(yPred, -1)))));
}

/** Arguments of {@link SparseCategoricalAccuracy}. */
export interface SparseCategoricalAccuracyArgs {
  /** Name shown in logs; default `'sparse_categorical_accuracy'`. */
  name?: string;
}

const SPARSE_CATEGORICAL_ACCURACY_OPTIONS = defineOptions<SparseCategoricalAccuracyArgs>('SparseCategoricalAccuracy', {
  name: true,
});

/** How often the predicted class matches an integer label (Keras's `SparseCategoricalAccuracy`). */
export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  override readonly className = 'SparseCategoricalAccuracy';

  constructor(args: SparseCategoricalAccuracyArgs = {}) {
    SPARSE_CATEGORICAL_ACCURACY_OPTIONS.check(args);
    super(sparseCategoricalAccuracy, args.name ?? 'sparse_categorical_accuracy');
  }
}
