import { defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { LOSS_OPTION_KEYS, Loss } from './loss';
import type { LossArgs, LossFn } from './loss';
import { alignTargets } from './same-rank';

/** Arguments of {@link LossFunctionWrapper}. */
export interface LossFunctionWrapperArgs extends LossArgs {
  /** The per-sample loss function to wrap. */
  fn: LossFn;
}

const LOSS_FUNCTION_WRAPPER_OPTIONS = defineOptions<LossFunctionWrapperArgs>('LossFunctionWrapper', {
  ...LOSS_OPTION_KEYS,
  fn: true,
});

/**
 * Turns a plain `(yTrue, yPred) => perSampleLoss` function into a {@link Loss}, as Keras does for a
 * function passed to `compile`. Labels are cast to the predictions' dtype and their rank aligned first.
 * Its config holds a function, so it does not round-trip through a saved config.
 */
export class LossFunctionWrapper extends Loss {
  override readonly className = 'LossFunctionWrapper';
  /** The wrapped function. */
  readonly fn: LossFn;

  constructor(args: LossFunctionWrapperArgs) {
    super(LOSS_FUNCTION_WRAPPER_OPTIONS.check(args), args.fn.name || 'loss');
    this.fn = args.fn;
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    const [t, p] = alignTargets(yTrue, yPred);
    return this.fn(t, p);
  }
}
