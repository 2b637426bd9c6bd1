import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { toFloat } from './same-rank';

/** Per sample, 1 when the arg-max of `yPred` is the arg-max of the one-hot `yTrue`, else 0. */
export function categoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => toFloat(tf.equal(tf.argMax(yTrue, -1), tf.argMax(yPred, -1))));
}

/** Arguments of {@link CategoricalAccuracy}. */
export interface CategoricalAccuracyArgs {
  /** Name shown in logs; default `'categorical_accuracy'`. */
  name?: string;
}

const CATEGORICAL_ACCURACY_OPTIONS = defineOptions<CategoricalAccuracyArgs>('CategoricalAccuracy', { name: true });

/** How often the predicted class matches a one-hot label (Keras's `CategoricalAccuracy`). */
export class CategoricalAccuracy extends MeanMetricWrapper {
  override readonly className = 'CategoricalAccuracy';

  constructor(args: CategoricalAccuracyArgs = {}) {
    CATEGORICAL_ACCURACY_OPTIONS.check(args);
    super(categoricalAccuracy, args.name ?? 'categorical_accuracy');
  }
}
