import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { alignTargets } from './same-rank';

/**
 * Maps labels in {0, 1} to {-1, 1} and leaves any other labels alone, as Keras does before a hinge loss.
 * Decided on the tensor itself (no read back to JavaScript).
 */
export function convertBinaryLabelsToHinge(yTrue: Tensor): Tensor {
  return tf.tidy(() => {
    const isBinary = tf.all(tf.logicalOr(tf.equal(yTrue, 0), tf.equal(yTrue, 1)));
    return tf.where(isBinary, tf.sub(tf.mul(yTrue, 2), 1), yTrue);
  });
}

/**
 * Hinge loss per sample: `mean(max(1 - yTrue·yPred, 0), axis=-1)` with labels in {-1, 1} (labels in {0, 1}
 * are converted first).
 */
export function hinge(yTrue: Tensor, yPred: Tensor): Tensor {
  return tf.tidy(() => {
    const [t, p] = alignTargets(yTrue, yPred);
    const signed = convertBinaryLabelsToHinge(t);
    return tf.mean(tf.relu(tf.sub(1, tf.mul(signed, p))), -1);
  });
}

/** Arguments of {@link Hinge}. */
export type HingeArgs = LossArgs;

const HINGE_OPTIONS = defineOptions<HingeArgs>('Hinge', { ...LOSS_OPTION_KEYS });

/** {@link hinge} as a loss class (Keras's `Hinge`, name `'hinge'`). */
export class Hinge extends Loss {
  override readonly className = 'Hinge';

  constructor(args: HingeArgs = {}) {
    super(HINGE_OPTIONS.check(args), 'hinge');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return hinge(yTrue, yPred);
  }
}
