import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { OPTIMIZER_LEGACY_OPTIONS, OPTIMIZER_OPTION_KEYS, Optimizer } from './optimizer';
import type { OptimizerArgs } from './optimizer';
import { checkNonNegative, checkUnitInterval } from './check-args';

/** Arguments of {@link RMSprop}. */
export interface RMSpropArgs extends OptimizerArgs {
  /** Decay of the mean squared gradient; default 0.9. */
  rho?: number;
  /** Momentum on the scaled step; default 0. */
  momentum?: number;
  /** Added under the square root; default 1e-7. */
  epsilon?: number;
  /** Divide by the variance (mean square minus squared mean) instead of the mean square; default false. */
  centered?: boolean;
}

const RMSPROP_OPTIONS = defineOptions<RMSpropArgs>('RMSprop', {
  ...OPTIMIZER_OPTION_KEYS,
  rho: true,
  momentum: true,
  epsilon: true,
  centered: true,
}, OPTIMIZER_LEGACY_OPTIONS);

/**
 * RMSprop in Keras's form and defaults (learning rate 0.001, ρ 0.9, momentum 0, ε 1e-7):
 * `v = ρv + (1 - ρ)g²`; centered: `ḡ = ρḡ + (1 - ρ)g`, `d = v - ḡ² + ε`, else `d = v + ε`;
 * `Δ = lr·g/√d`; with momentum `m = μm + Δ`, `w -= m`, else `w -= Δ`.
 */
export class RMSprop extends Optimizer {
  override readonly className = 'RMSprop';
  /** Decay of the mean squared gradient. */
  readonly rho: number;
  /** Momentum on the scaled step. */
  readonly momentum: number;
  /** Added under the square root. */
  readonly epsilon: number;
  /** Whether the variance is used. */
  readonly centered: boolean;

  constructor(args: RMSpropArgs = {}) {
    super(RMSPROP_OPTIONS.check(args), 0.001, 'rmsprop');
    this.rho = args.rho ?? 0.9;
    this.momentum = args.momentum ?? 0;
    this.epsilon = args.epsilon ?? 1e-7;
    this.centered = args.centered ?? false;
    checkUnitInterval('RMSprop', { rho: this.rho, momentum: this.momentum });
    checkNonNegative('RMSprop', { epsilon: this.epsilon });
  }

  protected override build(variables: tf.Variable[]): void {
    for (const v of variables) this.addSlot(v, 'velocity');
    if (this.momentum > 0) for (const v of variables) this.addSlot(v, 'momentum');
    if (this.centered) for (const v of variables) this.addSlot(v, 'average_gradient');
  }

  protected override updateStep(gradient: Tensor, variable: tf.Variable, learningRate: Tensor): void {
    const rho = this.constant(this.rho);
    const oneMinusRho = this.constant(1 - this.rho);
    const velocity = this.getSlot(variable, 'velocity');
    const newVelocity = tf.add(tf.mul(velocity, rho), tf.mul(tf.square(gradient), oneMinusRho));
    velocity.assign(newVelocity);
    let denominator: Tensor;
    if (this.centered) {
      const avg = this.getSlot(variable, 'average_gradient');
      const newAvg = tf.add(tf.mul(avg, rho), tf.mul(gradient, oneMinusRho));
      avg.assign(newAvg);
      denominator = tf.add(tf.sub(newVelocity, tf.square(newAvg)), this.constant(this.epsilon));
    } else {
      denominator = tf.add(newVelocity, this.constant(this.epsilon));
    }
    const increment = tf.div(tf.mul(gradient, learningRate), tf.sqrt(denominator));
    if (this.momentum > 0) {
      const m = this.getSlot(variable, 'momentum');
      const newM = tf.add(tf.mul(m, this.constant(this.momentum)), increment);
      m.assign(newM);
      variable.assign(tf.sub(variable, newM));
    } else {
      variable.assign(tf.sub(variable, increment));
    }
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }
}
