import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { castLike } from './same-rank';

/**
 * Categorical hinge per sample: `max(max((1 - yTrue)·yPred) - sum(yTrue·yPred) + 1, 0)` over the last
 * axis, for one-hot `yTrue`: the best wrong class must trail the true class by a margin of 1.
 */
export function categoricalHinge(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const t = castLike(yTrue, yPred);
    const pos = tf.sum(tf.mul(t, yPred), -1);
    const neg = tf.max(tf.mul(tf.sub(1, t), yPred), -1);
    return tf.relu(tf.add(tf.sub(neg, pos), 1));
  });
}

/** Arguments of {@link CategoricalHinge}. */
export type CategoricalHingeArgs = LossArgs;

const CATEGORICAL_HINGE_OPTIONS = defineOptions<CategoricalHingeArgs>('CategoricalHinge', { ...LOSS_OPTION_KEYS });

/** {@link categoricalHinge} as a loss class (Keras's `CategoricalHinge`, name `'categorical_hinge'`). */
export class CategoricalHinge extends Loss {
  override readonly className = 'CategoricalHinge';

  constructor(args: CategoricalHingeArgs = {}) {
    super(CATEGORICAL_HINGE_OPTIONS.check(args), 'categorical_hinge');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return categoricalHinge(yTrue, yPred);
  }
}
