import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { OPTIMIZER_LEGACY_OPTIONS, OPTIMIZER_OPTION_KEYS, Optimizer } from './optimizer';
import type { OptimizerArgs } from './optimizer';
import { checkNonNegative } from './check-args';

/** Arguments of {@link Adagrad}. */
export interface AdagradArgs extends OptimizerArgs {
  /** Starting value of the squared-gradient accumulators; default 0.1. */
  initialAccumulatorValue?: number;
  /** Added under the square root; default 1e-7. */
  epsilon?: number;
}

const ADAGRAD_OPTIONS = defineOptions<AdagradArgs>('Adagrad', {
  ...OPTIMIZER_OPTION_KEYS,
  initialAccumulatorValue: true,
  epsilon: true,
}, OPTIMIZER_LEGACY_OPTIONS);

/**
 * Adagrad in Keras's form and defaults (learning rate 0.001, initial accumulator 0.1, ε 1e-7):
 * `a += g²`, `w -= lr·g/√(a + ε)`.
 */
export class Adagrad extends Optimizer {
  override readonly className = 'Adagrad';
  /** Starting value of the accumulators. */
  readonly initialAccumulatorValue: number;
  /** Added under the square root. */
  readonly epsilon: number;

  constructor(args: AdagradArgs = {}) {
    super(ADAGRAD_OPTIONS.check(args), 0.001, 'adagrad');
    this.initialAccumulatorValue = args.initialAccumulatorValue ?? 0.1;
    this.epsilon = args.epsilon ?? 1e-7;
    checkNonNegative('Adagrad', { initialAccumulatorValue: this.initialAccumulatorValue, epsilon: this.epsilon });
  }

  protected override build(variables: tf.Variable[]): void {
    for (const v of variables) this.addSlot(v, 'accumulator', this.initialAccumulatorValue);
  }

  protected override updateStep(gradient: Tensor, variable: tf.Variable, learningRate: Tensor): void {
    const acc = this.getSlot(variable, 'accumulator');
    const newAcc = tf.add(acc, tf.square(gradient));
    acc.assign(newAcc);
    const step = tf.div(tf.mul(gradient, learningRate), tf.sqrt(tf.add(newAcc, this.constant(this.epsilon))));
    variable.assign(tf.sub(variable, step));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), initialAccumulatorValue: this.initialAccumulatorValue, epsilon: this.epsilon };
  }
}
