import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { squeezeOrExpandToSameRank, toFloat } from './same-rank';

/** Per sample, `mean(|yPred - yTrue|, axis=-1)` (the same values as the loss). */
export function meanAbsoluteError(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(yPred));
    return tf.mean(tf.abs(tf.sub(p, t)), -1);
  });
}

/** Arguments of {@link MeanAbsoluteError}. */
export interface MeanAbsoluteErrorArgs {
  /** Name shown in logs; default `'mean_absolute_error'`. */
  name?: string;
}

const MEAN_ABSOLUTE_ERROR_OPTIONS = defineOptions<MeanAbsoluteErrorArgs>('MeanAbsoluteError', { name: true });

/** Running mean of {@link meanAbsoluteError} (Keras's `metrics.MeanAbsoluteError`). */
export class MeanAbsoluteError extends MeanMetricWrapper {
  override readonly className = 'MeanAbsoluteError';

  constructor(args: MeanAbsoluteErrorArgs = {}) {
    MEAN_ABSOLUTE_ERROR_OPTIONS.check(args);
    super(meanAbsoluteError, args.name ?? 'mean_absolute_error');
  }
}
