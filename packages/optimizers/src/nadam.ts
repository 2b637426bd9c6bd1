import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { OPTIMIZER_LEGACY_OPTIONS, OPTIMIZER_OPTION_KEYS, Optimizer } from './optimizer';
import type { OptimizerArgs } from './optimizer';
import { checkUnitInterval } from './check-args';

/** Arguments of {@link Nadam}. */
export interface NadamArgs extends OptimizerArgs {
  /** Decay of the first-moment average; default 0.9. */
  beta1?: number;
  /** Decay of the second-moment average; default 0.999. */
  beta2?: number;
  /** Added to the root of the second moment; default 1e-7. */
  epsilon?: number;
}

const NADAM_OPTIONS = defineOptions<NadamArgs>('Nadam', {
  ...OPTIMIZER_OPTION_KEYS,
  beta1: true,
  beta2: true,
  epsilon: true,
}, OPTIMIZER_LEGACY_OPTIONS);

/**
 * Nadam, Adam with Nesterov momentum (Dozat, 2016), in Keras's form and defaults (learning rate 0.001,
 * β1 0.9, β2 0.999, ε 1e-7), with its momentum schedule `μ_t = β1(1 - ½·0.96^(0.004·t))`. The product
 * `Π μ_s` that Keras keeps in a variable is a function of the step, so it is computed here in JavaScript.
 */
export class Nadam extends Optimizer {
  override readonly className = 'Nadam';
  /** Decay of the first-moment average. */
  readonly beta1: number;
  /** Decay of the second-moment average. */
  readonly beta2: number;
  /** Added to the root of the second moment. */
  readonly epsilon: number;
  private productStep = 0;
  private product = 1;

  constructor(args: NadamArgs = {}) {
    super(NADAM_OPTIONS.check(args), 0.001, 'nadam');
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
    checkUnitInterval('Nadam', { beta1: this.beta1, beta2: this.beta2 });
  }

  protected override build(variables: tf.Variable[]): void {
    for (const v of variables) this.addSlot(v, 'momentum');
    for (const v of variables) this.addSlot(v, 'velocity');
  }

  private mu(t: number): number {
    return this.beta1 * (1 - 0.5 * Math.pow(0.96, 0.004 * t));
  }

  /** `Π_{s=1..t} μ_s`, advanced one factor per step and recomputed after a jump (e.g. `setWeights`). */
  private muProduct(t: number): number {
    if (t < this.productStep) {
      this.productStep = 0;
      this.product = 1;
    }
    while (this.productStep < t) this.product *= this.mu(++this.productStep);
    return this.product;
  }

  protected override updateStep(gradient: Tensor, variable: tf.Variable, learningRate: Tensor): void {
    const t = this.iterations + 1;
    const muT = this.mu(t);
    const muNext = this.mu(t + 1);
    const productT = this.muProduct(t);
    const productNext = productT * muNext;
    const m = this.getSlot(variable, 'momentum');
    const v = this.getSlot(variable, 'velocity');
    const newM = tf.add(m, tf.mul(tf.sub(gradient, m), this.constant(1 - this.beta1)));
    const newV = tf.add(v, tf.mul(tf.sub(tf.square(gradient), v), this.constant(1 - this.beta2)));
    m.assign(newM);
    v.assign(newV);
    const mHat = tf.add(tf.mul(newM, muNext / (1 - productNext)), tf.mul(gradient, (1 - muT) / (1 - productT)));
    const vHat = tf.div(newV, 1 - Math.pow(this.beta2, t));
    variable.assign(tf.sub(variable, tf.div(tf.mul(mHat, learningRate), tf.add(tf.sqrt(vHat), this.constant(this.epsilon)))));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
