import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { alignTargets } from './same-rank';

/**
 * Mean squared error per sample: `mean((yPred - yTrue)^2, axis=-1)`.
 *
 * ```ts
 * meanSquaredError(tf.tensor2d([[0, 1]]), tf.tensor2d([[1, 1]])); // [0.5]
 * ```
 */
export function meanSquaredError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const [t, p] = alignTargets(yTrue, yPred);
    return tf.mean(tf.squaredDifference(p, t), -1);
  });
}

/** Arguments of {@link MeanSquaredError}. */
export type MeanSquaredErrorArgs = LossArgs;

const MEAN_SQUARED_ERROR_OPTIONS = defineOptions<MeanSquaredErrorArgs>('MeanSquaredError', { ...LOSS_OPTION_KEYS });

/** {@link meanSquaredError} as a loss class (Keras's `MeanSquaredError`, name `'mean_squared_error'`). */
export class MeanSquaredError extends Loss {
  override readonly className = 'MeanSquaredError';

  constructor(args: MeanSquaredErrorArgs = {}) {
    super(MEAN_SQUARED_ERROR_OPTIONS.check(args), 'mean_squared_error');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanSquaredError(yTrue, yPred);
  }
}
