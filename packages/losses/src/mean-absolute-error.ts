import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { alignTargets } from './same-rank';

/**
 * Mean absolute error per sample: `mean(|yPred - yTrue|, axis=-1)`.
 *
 * ```ts
 * meanAbsoluteError(tf.tensor2d([[0, 1]]), tf.tensor2d([[1, 3]])); // [1.5]
 * ```
 */
export function meanAbsoluteError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const [t, p] = alignTargets(yTrue, yPred);
    return tf.mean(tf.abs(tf.sub(p, t)), -1);
  });
}

/** Arguments of {@link MeanAbsoluteError}. */
export type MeanAbsoluteErrorArgs = LossArgs;

const MEAN_ABSOLUTE_ERROR_OPTIONS = defineOptions<MeanAbsoluteErrorArgs>('MeanAbsoluteError', { ...LOSS_OPTION_KEYS });

/** {@link meanAbsoluteError} as a loss class (Keras's `MeanAbsoluteError`, name `'mean_absolute_error'`). */
export class MeanAbsoluteError extends Loss {
  override readonly className = 'MeanAbsoluteError';

  constructor(args: MeanAbsoluteErrorArgs = {}) {
    super(MEAN_ABSOLUTE_ERROR_OPTIONS.check(args), 'mean_absolute_error');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanAbsoluteError(yTrue, yPred);
  }
}
