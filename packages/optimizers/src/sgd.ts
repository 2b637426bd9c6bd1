import { tf, StrataSGDUpdate, invalidArgument, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { OPTIMIZER_LEGACY_OPTIONS, OPTIMIZER_OPTION_KEYS, Optimizer } from './optimizer';
import type { OptimizerArgs } from './optimizer';

/** Arguments of {@link SGD}. */
export interface SGDArgs extends OptimizerArgs {
  /** In [0, 1]: how much of the previous step carries over; default 0 (plain gradient descent). */
  momentum?: number;
  /** Use Nesterov momentum; default false. */
  nesterov?: boolean;
}

const SGD_OPTIONS = defineOptions<SGDArgs>('SGD', {
  ...OPTIMIZER_OPTION_KEYS,
  momentum: true,
  nesterov: true,
}, OPTIMIZER_LEGACY_OPTIONS);

/**
 * Stochastic gradient descent with optional (Nesterov) momentum, with Keras's update rules and defaults
 * (learning rate 0.01, momentum 0):
 * - no momentum: `w -= lr · g`
 * - momentum: `m = momentum · m - lr · g`, then `w += m`, or with Nesterov `w += momentum · m - lr · g`.
 *
 * A backend with the `StrataSGDUpdate` kernel runs the whole update for a variable as that one kernel.
 */
export class SGD extends Optimizer {
  override readonly className = 'SGD';
  /** How much of the previous step carries over. */
  readonly momentum: number;
  /** Whether momentum is Nesterov's. */
  readonly nesterov: boolean;

  constructor(args: SGDArgs = {}) {
    super(SGD_OPTIONS.check(args), 0.01, 'SGD');
    this.momentum = args.momentum ?? 0;
    this.nesterov = args.nesterov ?? false;
    if (!(this.momentum >= 0 && this.momentum <= 1)) {
      throw invalidArgument('SGD', 'momentum', 'a number in [0, 1]', args.momentum);
    }
  }

  protected override build(variables: tf.Variable[]): void {
    if (this.momentum === 0) return;
    for (const v of variables) this.addSlot(v, 'momentum');
  }

  protected override updateStep(gradient: Tensor, variable: tf.Variable, learningRate: Tensor): void {
    const m = this.momentum === 0 ? variable : this.getSlot(variable, 'momentum');
    const fused = this.fusedUpdate(
      StrataSGDUpdate,
      { variable, gradient, m },
      { learningRate: this.learningRate, momentum: this.momentum, nesterov: this.nesterov ? 1 : 0 },
    );
    if (fused !== undefined) {
      const [newW, newM] = fused as [Tensor, Tensor];
      if (this.momentum !== 0) m.assign(newM);
      variable.assign(newW);
      return;
    }
    const step = tf.mul(gradient, learningRate);
    if (this.momentum === 0) {
      variable.assign(tf.sub(variable, step));
      return;
    }
    const mu = this.constant(this.momentum);
    const newM = tf.sub(tf.mul(m, mu), step);
    m.assign(newM);
    variable.assign(tf.add(variable, this.nesterov ? tf.sub(tf.mul(newM, mu), step) : newM));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), momentum: this.momentum, nesterov: this.nesterov };
  }
}
