import { tf, formatShape, invalidArgument, shapeMismatch, defineOptions, optionKeys } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { logProbabilities } from './categorical-crossentropy';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs } from './loss';
import { resolveAxis } from './validate';

/** Options of {@link sparseCategoricalCrossentropy}. */
export interface SparseCategoricalCrossentropyOptions {
  /** Whether `yPred` holds logits rather than probabilities; default false. */
  fromLogits?: boolean;
  /** The class axis of `yPred`; only the last axis is supported, as in Keras. Default -1. */
  axis?: number;
}

const SPARSE_CATEGORICAL_CROSSENTROPY_OPTION_KEYS = optionKeys<SparseCategoricalCrossentropyOptions>({
  fromLogits: true,
  axis: true,
});

/**
 * Categorical crossentropy per sample for integer labels: `-log(p[yTrue])`. `yTrue` has the shape of
 * `yPred` without its class axis (a trailing axis of size 1 is accepted and dropped); labels may be int32
 * or float32 holding integers. Probabilities are renormalised and clipped as in
 * {@link categoricalCrossentropy}.
 *
 * Labels outside `[0, numClasses)` cannot be detected without reading the labels back each step, so this
 * function gives them a loss of 0 silently; check a dataset once with {@link checkSparseLabels}.
 */
export function sparseCategoricalCrossentropy(
  yTrue: Tensor,
  yPred: Tensor,
  options: SparseCategoricalCrossentropyOptions = {},
): Tensor {
  const where = 'sparseCategoricalCrossentropy';
  if (yPred.rank < 1) throw shapeMismatch(where, 'yPred', 'rank >= 1', yPred.shape);
  const axis = resolveAxis(where, options.axis ?? -1, yPred.rank);
  if (axis !== yPred.rank - 1) {
    throw invalidArgument(where, 'axis', `the last axis (-1 or ${yPred.rank - 1})`, options.axis);
  }
  let labelShape = yTrue.shape;
  if (yTrue.rank === yPred.rank && yTrue.shape[yTrue.rank - 1] === 1) labelShape = labelShape.slice(0, -1);
  const expected = yPred.shape.slice(0, -1);
  if (labelShape.length !== expected.length || labelShape.some((d, i) => d !== expected[i])) {
    throw shapeMismatch(where, 'yTrue', `shape ${formatShape(expected)} (yPred ${formatShape(yPred.shape)} without its class axis)`, yTrue.shape);
  }
  const numClasses = yPred.shape[axis] ?? 1;
  return tf.tidy(() => {
    const labels = tf.reshape(yTrue.dtype === 'int32' ? yTrue : tf.cast(yTrue, 'int32'), labelShape);
    const oneHot = tf.cast(tf.oneHot(labels, numClasses), yPred.dtype);
    return tf.neg(tf.sum(tf.mul(oneHot, logProbabilities(yPred, axis, options.fromLogits ?? false)), axis));
  });
}

/** Arguments of {@link SparseCategoricalCrossentropy}. */
export interface SparseCategoricalCrossentropyArgs extends LossArgs, SparseCategoricalCrossentropyOptions {}

const SPARSE_CATEGORICAL_CROSSENTROPY_OPTIONS = defineOptions<SparseCategoricalCrossentropyArgs>('SparseCategoricalCrossentropy', {
  ...LOSS_OPTION_KEYS,
  ...SPARSE_CATEGORICAL_CROSSENTROPY_OPTION_KEYS,
});

/**
 * {@link sparseCategoricalCrossentropy} as a loss class (Keras's `SparseCategoricalCrossentropy`, name
 * `'sparse_categorical_crossentropy'`). Keras's `ignore_class` is not supported.
 */
export class SparseCategoricalCrossentropy extends Loss {
  override readonly className = 'SparseCategoricalCrossentropy';
  /** Whether predictions are logits. */
  readonly fromLogits: boolean;
  /** The class axis. */
  readonly axis: number;

  constructor(args: SparseCategoricalCrossentropyArgs = {}) {
    super(SPARSE_CATEGORICAL_CROSSENTROPY_OPTIONS.check(args), 'sparse_categorical_crossentropy');
    this.fromLogits = args.fromLogits ?? false;
    this.axis = args.axis ?? -1;
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return sparseCategoricalCrossentropy(yTrue, yPred, { fromLogits: this.fromLogits, axis: this.axis });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fromLogits: this.fromLogits, axis: this.axis };
  }
}
