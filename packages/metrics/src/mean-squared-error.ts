import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { squeezeOrExpandToSameRank, toFloat } from './same-rank';

/** Per sample, `mean((yPred - yTrue)^2, axis=-1)` (the same values as the loss). */
export function meanSquaredError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(yPred));
    return tf.mean(tf.squaredDifference(p, t), -1);
  });
}

/** Arguments of {@link MeanSquaredError}. */
export interface MeanSquaredErrorArgs {
  /** Name shown in logs; default `'mean_squared_error'`. */
  name?: string;
}

const MEAN_SQUARED_ERROR_OPTIONS = defineOptions<MeanSquaredErrorArgs>('MeanSquaredError', { name: true });

/** Running mean of {@link meanSquaredError} (Keras's `metrics.MeanSquaredError`). */
export class MeanSquaredError extends MeanMetricWrapper {
  override readonly className = 'MeanSquaredError';

  constructor(args: MeanSquaredErrorArgs = {}) {
    MEAN_SQUARED_ERROR_OPTIONS.check(args);
    super(meanSquaredError, args.name ?? 'mean_squared_error');
  }
}
