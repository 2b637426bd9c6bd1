import { tf, invalidArgument, defineOptions, optionKeys } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { alignTargets } from './same-rank';

/** Options of {@link huber}. */
export interface HuberOptions {
  /** Where the loss turns from quadratic to linear; default 1. */
  delta?: number;
}

const HUBER_OPTION_KEYS = optionKeys<HuberOptions>({ delta: true });

/**
 * Huber loss per sample: with `e = yPred - yTrue`, `mean(|e| <= delta ? e²/2 : delta·|e| - delta²/2, axis=-1)`.
 * Quadratic near zero, linear far from it, so outliers pull less than under squared error.
 */
export function huber(yTrue: Tensor, yPred: Tensor, options: HuberOptions = {}): Tensor {
  const delta = options.delta ?? 1;
  if (!(delta > 0) || !Number.isFinite(delta)) throw invalidArgument('huber', 'delta', 'a positive number', delta);
  return tf.tidy(() => {
    const [t, p] = alignTargets(yTrue, yPred);
    // With q = min(|e|, delta): q²/2 + delta·(|e| - q) is e²/2 inside delta and delta·|e| - delta²/2
    // outside — the same piecewise function written without a comparison mask, so autodiff needs no
    // gradient of a boolean op.
    const absError = tf.abs(tf.sub(p, t));
    const quadratic = tf.minimum(absError, delta);
    const linear = tf.sub(absError, quadratic);
    return tf.mean(tf.add(tf.mul(tf.square(quadratic), 0.5), tf.mul(linear, delta)), -1);
  });
}

/** Arguments of {@link Huber}. */
export interface HuberArgs extends LossArgs, HuberOptions {}

const HUBER_OPTIONS = defineOptions<HuberArgs>('Huber', { ...LOSS_OPTION_KEYS, ...HUBER_OPTION_KEYS });

/** {@link huber} as a loss class (Keras's `Huber`, name `'huber_loss'`). */
export class Huber extends Loss {
  override readonly className = 'Huber';
  /** Where the loss turns from quadratic to linear. */
  readonly delta: number;

  constructor(args: HuberArgs = {}) {
    super(HUBER_OPTIONS.check(args), 'huber_loss');
    this.delta = args.delta ?? 1;
    if (!(this.delta > 0) || !Number.isFinite(this.delta)) throw invalidArgument('Huber', 'delta', 'a positive number', this.delta);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return huber(yTrue, yPred, { delta: this.delta });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), delta: this.delta };
  }
}
