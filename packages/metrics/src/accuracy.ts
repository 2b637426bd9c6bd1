import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { squeezeOrExpandToSameRank, toFloat } from './same-rank';

/** Per sample, the fraction of entries where `yPred` equals `yTrue` exactly (mean over the last axis). */
export function accuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(yPred));
    return tf.mean(toFloat(tf.equal(t, p)), -1);
  });
}

/** Arguments of {@link Accuracy}. */
export interface AccuracyArgs {
  /** Name shown in logs; default `'accuracy'`. */
  name?: string;
}

const ACCURACY_OPTIONS = defineOptions<AccuracyArgs>('Accuracy', { name: true });

/**
 * How often predictions equal labels exactly (Keras's `Accuracy`). For classifiers, `getMetric('accuracy')`
 * picks {@link BinaryAccuracy}, {@link CategoricalAccuracy} or {@link SparseCategoricalAccuracy} instead.
 */
export class Accuracy extends MeanMetricWrapper {
  override readonly className = 'Accuracy';

  constructor(args: AccuracyArgs = {}) {
    ACCURACY_OPTIONS.check(args);
    super(accuracy, args.name ?? 'accuracy');
  }
}
