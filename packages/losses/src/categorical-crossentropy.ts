import { tf, defineOptions, optionKeys } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { EPSILON } from './constants';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { castLike } from './same-rank';
import { assertSameShape, checkLabelSmoothing, resolveAxis } from './validate';

/** Options of {@link categoricalCrossentropy}. */
export interface CategoricalCrossentropyOptions {
  /** Whether `yPred` holds logits (softmax not applied) rather than probabilities; default false. */
  fromLogits?: boolean;
  /** In [0, 1]: targets become `yTrue·(1 - s) + s / numClasses`; default 0. */
  labelSmoothing?: number;
  /** The class axis; default -1. */
  axis?: number;
}

const CATEGORICAL_CROSSENTROPY_OPTION_KEYS = optionKeys<CategoricalCrossentropyOptions>({
  fromLogits: true,
  labelSmoothing: true,
  axis: true,
});

/**
 * Log-probabilities along `axis`: `x - logSumExp(x)` for logits (stable for any magnitude), otherwise
 * the probabilities renormalised to sum to 1 and clipped to `[1e-7, 1 - 1e-7]` before the log, as Keras does.
 */
export function logProbabilities(yPred: Tensor, axis: number, fromLogits: boolean): Tensor {
  if (fromLogits) return tf.sub(yPred, tf.logSumExp(yPred, axis, true));
  const normalised = tf.div(yPred, tf.sum(yPred, axis, true));
  return tf.log(tf.clipByValue(normalised, EPSILON, 1 - EPSILON));
}

/**
 * Categorical crossentropy per sample, for one-hot (or soft) targets: `-sum(yTrue·log(p), axis)`.
 * Keras semantics: probabilities are renormalised and clipped to `[1e-7, 1 - 1e-7]`; with `fromLogits`
 * the log-softmax is used instead. Label smoothing divides by the size of the class axis (Keras uses the
 * last axis whatever `axis` is; the two agree for the default `axis=-1`).
 *
 * ```ts
 * categoricalCrossentropy(tf.tensor2d([[0, 1, 0]]), tf.tensor2d([[0.05, 0.95, 0]])); // [-log(0.95)] ≈ [0.0513]
 * ```
 */
export function categoricalCrossentropy(yTrue: Tensor, yPred: Tensor, options: CategoricalCrossentropyOptions = {}): Tensor {
  const where = 'categoricalCrossentropy';
  const labelSmoothing = options.labelSmoothing ?? 0;
  checkLabelSmoothing(where, labelSmoothing);
  assertSameShape(where, yTrue, yPred);
  const axis = resolveAxis(where, options.axis ?? -1, yPred.rank);
  return tf.tidy(() => {
    let t = castLike(yTrue, yPred);
    if (labelSmoothing > 0) {
      const numClasses = yPred.shape[axis] ?? 1;
      t = tf.add(tf.mul(t, 1 - labelSmoothing), labelSmoothing / numClasses);
    }
    return tf.neg(tf.sum(tf.mul(t, logProbabilities(yPred, axis, options.fromLogits ?? false)), axis));
  });
}

/** Arguments of {@link CategoricalCrossentropy}. */
export interface CategoricalCrossentropyArgs extends LossArgs, CategoricalCrossentropyOptions {}

const CATEGORICAL_CROSSENTROPY_OPTIONS = defineOptions<CategoricalCrossentropyArgs>('CategoricalCrossentropy', {
  ...LOSS_OPTION_KEYS,
  ...CATEGORICAL_CROSSENTROPY_OPTION_KEYS,
});

/** {@link categoricalCrossentropy} as a loss class (Keras's `CategoricalCrossentropy`, name `'categorical_crossentropy'`). */
export class CategoricalCrossentropy extends Loss {
  override readonly className = 'CategoricalCrossentropy';
  /** Whether predictions are logits. */
  readonly fromLogits: boolean;
  /** Label smoothing in [0, 1]. */
  readonly labelSmoothing: number;
  /** The class axis. */
  readonly axis: number;

  constructor(args: CategoricalCrossentropyArgs = {}) {
    super(CATEGORICAL_CROSSENTROPY_OPTIONS.check(args), 'categorical_crossentropy');
    this.fromLogits = args.fromLogits ?? false;
    this.labelSmoothing = args.labelSmoothing ?? 0;
    this.axis = args.axis ?? -1;
    checkLabelSmoothing('CategoricalCrossentropy', this.labelSmoothing);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return categoricalCrossentropy(yTrue, yPred, { fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing, axis: this.axis });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing, axis: this.axis };
  }
}
