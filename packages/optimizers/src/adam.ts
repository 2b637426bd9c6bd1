import { tf, StrataAdamUpdate, defineOptions, optionKeys } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { OPTIMIZER_LEGACY_OPTIONS, OPTIMIZER_OPTION_KEYS, Optimizer } from './optimizer';
import type { OptimizerArgs } from './optimizer';
import { checkUnitInterval } from './check-args';

/** Arguments of {@link Adam}. */
export interface AdamArgs extends OptimizerArgs {
  /** Decay of the first-moment average; default 0.9. */
  beta1?: number;
  /** Decay of the second-moment average; default 0.999. */
  beta2?: number;
  /** Added to the root of the second moment; default 1e-7 (Keras; TF.js uses 1e-8). */
  epsilon?: number;
  /** Use the running maximum of the second moment (AMSGrad); default false. */
  amsgrad?: boolean;
}

/** The keys of {@link AdamArgs}, spread by AdamW's option list. */
export const ADAM_OPTION_KEYS = optionKeys<AdamArgs>({
  ...OPTIMIZER_OPTION_KEYS,
  beta1: true,
  beta2: true,
  epsilon: true,
  amsgrad: true,
});

const ADAM_OPTIONS = defineOptions<AdamArgs>('Adam', ADAM_OPTION_KEYS, OPTIMIZER_LEGACY_OPTIONS);

/**
 * Adam (Kingma & Ba, https://arxiv.org/abs/1412.6980) in Keras's form and defaults (learning rate 0.001,
 * β1 0.9, β2 0.999, ε 1e-7). With `t = iterations + 1`:
 * `m += (g - m)(1 - β1)`, `v += (g² - v)(1 - β2)`, `α = lr·√(1 - β2^t)/(1 - β1^t)`,
 * `w -= α·m/(√v + ε)` (`v` replaced by its running maximum with `amsgrad`). Without AMSGrad, a backend
 * with the `StrataAdamUpdate` kernel runs the whole update for a variable as that one kernel.
 */
export class Adam extends Optimizer {
  override readonly className: string = 'Adam';
  /** Decay of the first-moment average. */
  readonly beta1: number;
  /** Decay of the second-moment average. */
  readonly beta2: number;
  /** Added to the root of the second moment. */
  readonly epsilon: number;
  /** Whether AMSGrad is used. */
  readonly amsgrad: boolean;

  constructor(args: AdamArgs = {}) {
    super(ADAM_OPTIONS.check(args), 0.001, 'adam');
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
    this.amsgrad = args.amsgrad ?? false;
    checkUnitInterval(new.target.name, { beta1: this.beta1, beta2: this.beta2 });
  }

  protected override build(variables: tf.Variable[]): void {
    for (const v of variables) this.addSlot(v, 'momentum');
    for (const v of variables) this.addSlot(v, 'velocity');
    if (this.amsgrad) for (const v of variables) this.addSlot(v, 'velocity_hat');
  }

  protected override updateStep(gradient: Tensor, variable: tf.Variable, learningRate: Tensor): void {
    const t = this.iterations + 1;
    const correction = Math.sqrt(1 - Math.pow(this.beta2, t)) / (1 - Math.pow(this.beta1, t));
    const m = this.getSlot(variable, 'momentum');
    const v = this.getSlot(variable, 'velocity');
    if (!this.amsgrad) {
      const fused = this.fusedUpdate(
        StrataAdamUpdate,
        { variable, gradient, m, v },
        { alpha: this.learningRate * correction, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon },
      );
      if (fused !== undefined) {
        const [newW, newM, newV] = fused as [Tensor, Tensor, Tensor];
        m.assign(newM);
        v.assign(newV);
        variable.assign(newW);
        return;
      }
    }
    const alpha = tf.mul(learningRate, correction);
    const newM = tf.add(m, tf.mul(tf.sub(gradient, m), this.constant(1 - this.beta1)));
    const newV = tf.add(v, tf.mul(tf.sub(tf.square(gradient), v), this.constant(1 - this.beta2)));
    m.assign(newM);
    v.assign(newV);
    let denominatorV = newV;
    if (this.amsgrad) {
      const vHat = this.getSlot(variable, 'velocity_hat');
      denominatorV = tf.maximum(vHat, newV);
      vHat.assign(denominatorV);
    }
    const update = tf.div(tf.mul(newM, alpha), tf.add(tf.sqrt(denominatorV), this.constant(this.epsilon)));
    variable.assign(tf.sub(variable, update));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, amsgrad: this.amsgrad };
  }
}
