import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { OPTIMIZER_LEGACY_OPTIONS, OPTIMIZER_OPTION_KEYS, Optimizer } from './optimizer';
import type { OptimizerArgs } from './optimizer';
import { checkNonNegative, checkUnitInterval } from './check-args';

/** Arguments of {@link Adadelta}. */
export interface AdadeltaArgs extends OptimizerArgs {
  /** Decay of the running averages; default 0.95. */
  rho?: number;
  /** Added under the square roots; default 1e-7. */
  epsilon?: number;
}

const ADADELTA_OPTIONS = defineOptions<AdadeltaArgs>('Adadelta', {
  ...OPTIMIZER_OPTION_KEYS,
  rho: true,
  epsilon: true,
}, OPTIMIZER_LEGACY_OPTIONS);

/**
 * Adadelta (Zeiler, https://arxiv.org/abs/1212.5701) in Keras's form and defaults (learning rate 0.001,
 * ρ 0.95, ε 1e-7): `A = ρA + (1 - ρ)g²`, `Δ = -√(D + ε)·g/√(A + ε)`, `D = ρD + (1 - ρ)Δ²`, `w += lr·Δ`.
 */
export class Adadelta extends Optimizer {
  override readonly className = 'Adadelta';
  /** Decay of the running averages. */
  readonly rho: number;
  /** Added under the square roots. */
  readonly epsilon: number;

  constructor(args: AdadeltaArgs = {}) {
    super(ADADELTA_OPTIONS.check(args), 0.001, 'adadelta');
    this.rho = args.rho ?? 0.95;
    this.epsilon = args.epsilon ?? 1e-7;
    checkUnitInterval('Adadelta', { rho: this.rho });
    checkNonNegative('Adadelta', { epsilon: this.epsilon });
  }

  protected override build(variables: tf.Variable[]): void {
    for (const v of variables) this.addSlot(v, 'accumulated_grad');
    for (const v of variables) this.addSlot(v, 'accumulated_delta_var');
  }

  protected override updateStep(gradient: Tensor, variable: tf.Variable, learningRate: Tensor): void {
    const rho = this.constant(this.rho);
    const oneMinusRho = this.constant(1 - this.rho);
    const eps = this.constant(this.epsilon);
    const accGrad = this.getSlot(variable, 'accumulated_grad');
    const accDelta = this.getSlot(variable, 'accumulated_delta_var');
    const newAccGrad = tf.add(tf.mul(accGrad, rho), tf.mul(tf.square(gradient), oneMinusRho));
    accGrad.assign(newAccGrad);
    const delta = tf.neg(tf.div(tf.mul(tf.sqrt(tf.add(accDelta, eps)), gradient), tf.sqrt(tf.add(newAccGrad, eps))));
    accDelta.assign(tf.add(tf.mul(accDelta, rho), tf.mul(tf.square(delta), oneMinusRho)));
    variable.assign(tf.add(variable, tf.mul(delta, learningRate)));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rho: this.rho, epsilon: this.epsilon };
  }
}
