import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { EPSILON } from './constants';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { alignTargets } from './same-rank';

/**
 * Mean squared logarithmic error per sample:
 * `mean((log(max(yPred, 1e-7) + 1) - log(max(yTrue, 1e-7) + 1))^2, axis=-1)`.
 */
export function meanSquaredLogarithmicError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const [t, p] = alignTargets(yTrue, yPred);
    const logPred = tf.log1p(tf.maximum(p, EPSILON));
    const logTrue = tf.log1p(tf.maximum(t, EPSILON));
    return tf.mean(tf.squaredDifference(logPred, logTrue), -1);
  });
}

/** Arguments of {@link MeanSquaredLogarithmicError}. */
export type MeanSquaredLogarithmicErrorArgs = LossArgs;

const MEAN_SQUARED_LOGARITHMIC_ERROR_OPTIONS = defineOptions<MeanSquaredLogarithmicErrorArgs>('MeanSquaredLogarithmicError', {
  ...LOSS_OPTION_KEYS,
});

/** {@link meanSquaredLogarithmicError} as a loss class (name `'mean_squared_logarithmic_error'`). */
export class MeanSquaredLogarithmicError extends Loss {
  override readonly className = 'MeanSquaredLogarithmicError';

  constructor(args: MeanSquaredLogarithmicErrorArgs = {}) {
    super(MEAN_SQUARED_LOGARITHMIC_ERROR_OPTIONS.check(args), 'mean_squared_logarithmic_error');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanSquaredLogarithmicError(yTrue, yPred);
  }
}
