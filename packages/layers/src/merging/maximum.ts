import { tf, Tensor, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Maximum}. */
export type MaximumArgs = MergeArgs;

const MAXIMUM_OPTIONS = defineOptions<MaximumArgs>('Maximum', LAYER_OPTION_KEYS);

/**
 * The element-wise maximum of its inputs.
 *
 * ```ts
 * const y = new Maximum().apply([a, b]);
 * ```
 */
export class Maximum extends Merge {
  static override readonly className: string = 'Maximum';

  constructor(args: MaximumArgs = {}) {
    super(MAXIMUM_OPTIONS.check(args));
  }

  protected merge(inputs: Tensor[]): Tensor {
    return inputs.reduce((acc, t) => tf.maximum(acc, t));
  }
}

registerLayer(Maximum.className, Maximum);
