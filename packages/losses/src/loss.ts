import { tf, optionKeys } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { reduceWeightedValues, standardizeReduction } from './reduction';
import type { Reduction, ReductionIdentifier } from './reduction';

/** A loss as a plain function: per-sample losses (the batch shape; the mean over the last axis where Keras takes it). */
export type LossFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

/** Arguments every loss class accepts. */
export interface LossArgs {
  /** Name shown in logs and history; defaults to the loss's snake_case name (`'mean_squared_error'`). */
  name?: string;
  /** How per-sample losses are reduced; default `'sum_over_batch_size'`. */
  reduction?: ReductionIdentifier;
}

/** The keys of {@link LossArgs}, spread by the option list of every loss class. */
export const LOSS_OPTION_KEYS = optionKeys<LossArgs>({ name: true, reduction: true });

/**
 * Base class of the losses: a pure per-sample function (`call`) plus a name and a reduction.
 * `compute(yTrue, yPred, sampleWeight?)` is what training minimises.
 *
 * ```ts
 * const loss = new MeanSquaredError();
 * loss.compute(tf.tensor2d([[0, 1]]), tf.tensor2d([[1, 1]])); // 0.5
 * ```
 */
export abstract class Loss {
  /** The registered class name, used by `getConfig` round trips (`'MeanSquaredError'`). */
  abstract readonly className: string;
  /** Name shown in logs and history. */
  readonly name: string;
  /** How `compute` reduces the per-sample losses. */
  readonly reduction: Reduction;

  protected constructor(args: LossArgs, defaultName: string) {
    this.name = args.name ?? defaultName;
    this.reduction = standardizeReduction(args.reduction ?? 'sum_over_batch_size', `${new.target.name}`);
  }

  /** The unreduced per-sample losses. */
  abstract call(yTrue: Tensor, yPred: Tensor): Tensor;

  /**
   * The reduced loss: a scalar, or the weighted per-sample losses when the reduction is `'none'`.
   * `sampleWeight` is broadcast against the per-sample losses (shape `[batch]` weighs each sample).
   */
  compute(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): Tensor {
    return tf.tidy(() => reduceWeightedValues(this.call(yTrue, yPred), sampleWeight, this.reduction));
  }

  /** The arguments that rebuild this loss: `new Cls(loss.getConfig())`. */
  getConfig(): Record<string, unknown> {
    return { name: this.name, reduction: this.reduction };
  }
}
