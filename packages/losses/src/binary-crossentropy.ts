import { tf, defineOptions, optionKeys } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { EPSILON } from './constants';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { castLike, squeezeOrExpandToSameRank } from './same-rank';
import { assertSameShape, checkLabelSmoothing, resolveAxis } from './validate';

/** Options of {@link binaryCrossentropy}. */
export interface BinaryCrossentropyOptions {
  /** Whether `yPred` holds logits (sigmoid not applied) rather than probabilities; default false. */
  fromLogits?: boolean;
  /** In [0, 1]: targets become `yTrue·(1 - s) + s / 2`; default 0. */
  labelSmoothing?: number;
  /** The axis averaged over; default -1. */
  axis?: number;
}

const BINARY_CROSSENTROPY_OPTION_KEYS = optionKeys<BinaryCrossentropyOptions>({
  fromLogits: true,
  labelSmoothing: true,
  axis: true,
});

/**
 * Elementwise binary crossentropy. From probabilities: `-(t·log(p) + (1 - t)·log(1 - p))` with `p` clipped
 * to `[1e-7, 1 - 1e-7]`. From logits `x`, the overflow-free form `max(x, 0) - x·t + log(1 + exp(-|x|))`.
 */
export function binaryCrossentropyElementwise(yTrue: Tensor, yPred: Tensor, fromLogits: boolean): Tensor {
  return tf.tidy(() => {
    if (fromLogits) {
      return tf.add(tf.sub(tf.relu(yPred), tf.mul(yPred, yTrue)), tf.log1p(tf.exp(tf.neg(tf.abs(yPred)))));
    }
    const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
    return tf.neg(tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p)))));
  });
}

/**
 * Binary crossentropy per sample: the mean over `axis` of {@link binaryCrossentropyElementwise}, for
 * targets in {0, 1} (or soft targets in [0, 1]).
 *
 * ```ts
 * binaryCrossentropy(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.9], [0.2]])); // [-log 0.9, -log 0.8]
 * ```
 */
export function binaryCrossentropy(yTrue: Tensor, yPred: Tensor, options: BinaryCrossentropyOptions = {}): Tensor {
  const where = 'binaryCrossentropy';
  const labelSmoothing = options.labelSmoothing ?? 0;
  checkLabelSmoothing(where, labelSmoothing);
  return tf.tidy(() => {
    const [t0, p] = squeezeOrExpandToSameRank(castLike(yTrue, yPred), yPred);
    assertSameShape(where, t0, p);
    const axis = resolveAxis(where, options.axis ?? -1, p.rank);
    const t = labelSmoothing > 0 ? tf.add(tf.mul(t0, 1 - labelSmoothing), 0.5 * labelSmoothing) : t0;
    return tf.mean(binaryCrossentropyElementwise(t, p, options.fromLogits ?? false), axis);
  });
}

/** Arguments of {@link BinaryCrossentropy}. */
export interface BinaryCrossentropyArgs extends LossArgs, BinaryCrossentropyOptions {}

const BINARY_CROSSENTROPY_OPTIONS = defineOptions<BinaryCrossentropyArgs>('BinaryCrossentropy', {
  ...LOSS_OPTION_KEYS,
  ...BINARY_CROSSENTROPY_OPTION_KEYS,
});

/** {@link binaryCrossentropy} as a loss class (Keras's `BinaryCrossentropy`, name `'binary_crossentropy'`). */
export class BinaryCrossentropy extends Loss {
  override readonly className = 'BinaryCrossentropy';
  /** Whether predictions are logits. */
  readonly fromLogits: boolean;
  /** Label smoothing in [0, 1]. */
  readonly labelSmoothing: number;
  /** The axis averaged over. */
  readonly axis: number;

  constructor(args: BinaryCrossentropyArgs = {}) {
    super(BINARY_CROSSENTROPY_OPTIONS.check(args), 'binary_crossentropy');
    this.fromLogits = args.fromLogits ?? false;
    this.labelSmoothing = args.labelSmoothing ?? 0;
    this.axis = args.axis ?? -1;
    checkLabelSmoothing('BinaryCrossentropy', this.labelSmoothing);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return binaryCrossentropy(yTrue, yPred, { fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing, axis: this.axis });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing, axis: this.axis };
  }
}
