import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { EPSILON } from './constants';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { alignTargets } from './same-rank';

/**
 * Mean absolute percentage error per sample: `100 * mean(|yTrue - yPred| / max(|yTrue|, 1e-7), axis=-1)`;
 * the floor keeps a zero target finite, as in Keras.
 */
export function meanAbsolutePercentageError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const [t, p] = alignTargets(yTrue, yPred);
    const diff = tf.abs(tf.div(tf.sub(t, p), tf.maximum(tf.abs(t), EPSILON)));
    return tf.mul(tf.mean(diff, -1), 100);
  });
}

/** Arguments of {@link MeanAbsolutePercentageError}. */
export type MeanAbsolutePercentageErrorArgs = LossArgs;

const MEAN_ABSOLUTE_PERCENTAGE_ERROR_OPTIONS = defineOptions<MeanAbsolutePercentageErrorArgs>('MeanAbsolutePercentageError', {
  ...LOSS_OPTION_KEYS,
});

/** {@link meanAbsolutePercentageError} as a loss class (name `'mean_absolute_percentage_error'`). */
export class MeanAbsolutePercentageError extends Loss {
  override readonly className = 'MeanAbsolutePercentageError';

  constructor(args: MeanAbsolutePercentageErrorArgs = {}) {
    super(MEAN_ABSOLUTE_PERCENTAGE_ERROR_OPTIONS.check(args), 'mean_absolute_percentage_error');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanAbsolutePercentageError(yTrue, yPred);
  }
}
