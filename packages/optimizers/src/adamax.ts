import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { OPTIMIZER_LEGACY_OPTIONS, OPTIMIZER_OPTION_KEYS, Optimizer } from './optimizer';
import type { OptimizerArgs } from './optimizer';
import { checkUnitInterval } from './check-args';

/** Arguments of {@link Adamax}. */
export interface AdamaxArgs extends OptimizerArgs {
  /** Decay of the first-moment average; default 0.9. */
  beta1?: number;
  /** Decay of the infinity norm; default 0.999. */
  beta2?: number;
  /** Added to the norm; default 1e-7. */
  epsilon?: number;
}

const ADAMAX_OPTIONS = defineOptions<AdamaxArgs>('Adamax', {
  ...OPTIMIZER_OPTION_KEYS,
  beta1: true,
  beta2: true,
  epsilon: true,
}, OPTIMIZER_LEGACY_OPTIONS);

/**
 * Adamax, Adam with the infinity norm, in Keras's form and defaults (learning rate 0.001, β1 0.9,
 * β2 0.999, ε 1e-7). With `t = iterations + 1`: `m += (g - m)(1 - β1)`, `u = max(β2·u, |g|)`,
 * `w -= lr·m/((1 - β1^t)(u + ε))`.
 */
export class Adamax extends Optimizer {
  override readonly className = 'Adamax';
  /** Decay of the first-moment average. */
  readonly beta1: number;
  /** Decay of the infinity norm. */
  readonly beta2: number;
  /** Added to the norm. */
  readonly epsilon: number;

  constructor(args: AdamaxArgs = {}) {
    super(ADAMAX_OPTIONS.check(args), 0.001, 'adamax');
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
    checkUnitInterval('Adamax', { beta1: this.beta1, beta2: this.beta2 });
  }

  protected override build(variables: tf.Variable[]): void {
    for (const v of variables) this.addSlot(v, 'm');
    for (const v of variables) this.addSlot(v, 'u');
  }

  protected override updateStep(gradient: Tensor, variable: tf.Variable, learningRate: Tensor): void {
    const t = this.iterations + 1;
    const m = this.getSlot(variable, 'm');
    const u = this.getSlot(variable, 'u');
    const newM = tf.add(m, tf.mul(tf.sub(gradient, m), this.constant(1 - this.beta1)));
    const newU = tf.maximum(tf.mul(u, this.constant(this.beta2)), tf.abs(gradient));
    m.assign(newM);
    u.assign(newU);
    const scale = tf.div(learningRate, 1 - Math.pow(this.beta1, t));
    variable.assign(tf.sub(variable, tf.div(tf.mul(newM, scale), tf.add(newU, this.constant(this.epsilon)))));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
