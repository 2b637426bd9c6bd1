import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { EPSILON } from './constants';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { castLike } from './same-rank';

/**
 * Kullback–Leibler divergence per sample: `sum(yTrue·log(yTrue / yPred), axis=-1)`, both clipped to
 * `[1e-7, 1]` first so that zeros give finite values, as in Keras.
 */
export function klDivergence(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const t = tf.clipByValue(castLike(yTrue, yPred), EPSILON, 1);
    const p = tf.clipByValue(yPred, EPSILON, 1);
    return tf.sum(tf.mul(t, tf.log(tf.div(t, p))), -1);
  });
}

/** Arguments of {@link KLDivergence}. */
export type KLDivergenceArgs = LossArgs;

const KL_DIVERGENCE_OPTIONS = defineOptions<KLDivergenceArgs>('KLDivergence', { ...LOSS_OPTION_KEYS });

/** {@link klDivergence} as a loss class (Keras's `KLDivergence`, name `'kl_divergence'`). */
export class KLDivergence extends Loss {
  override readonly className = 'KLDivergence';

  constructor(args: KLDivergenceArgs = {}) {
    super(KL_DIVERGENCE_OPTIONS.check(args), 'kl_divergence');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return klDivergence(yTrue, yPred);
  }
}
