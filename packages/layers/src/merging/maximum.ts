import { tf, Tensor } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';

/** Arguments of {@link Maximum}. */
export type MaximumArgs = MergeArgs;

/**
 * The element-wise maximum of its inputs.
 *
 * ```ts
 * const y = new Maximum().apply([a, b]);
 * ```
 */
export class Maximum extends Merge {
  static override readonly className: string = 'Maximum';

  protected merge(inputs: Tensor[]): Tensor {
    return inputs.reduce((acc, t) => tf.maximum(acc, t));
  }
}

registerLayer(Maximum.className, Maximum);
