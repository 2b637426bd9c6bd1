import { tf, Tensor } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';

/** Arguments of {@link Minimum}. */
export type MinimumArgs = MergeArgs;

/**
 * The element-wise minimum of its inputs.
 *
 * ```ts
 * const y = new Minimum().apply([a, b]);
 * ```
 */
export class Minimum extends Merge {
  static override readonly className: string = 'Minimum';

  protected merge(inputs: Tensor[]): Tensor {
    return inputs.reduce((acc, t) => tf.minimum(acc, t));
  }
}

registerLayer(Minimum.className, Minimum);
