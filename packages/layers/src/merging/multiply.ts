import { tf, Tensor } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';

/** Arguments of {@link Multiply}. */
export type MultiplyArgs = MergeArgs;

/**
 * The element-wise product of its inputs.
 *
 * ```ts
 * const gated = new Multiply().apply([x, gate]);
 * ```
 */
export class Multiply extends Merge {
  static override readonly className: string = 'Multiply';

  protected merge(inputs: Tensor[]): Tensor {
    return inputs.reduce((acc, t) => tf.mul(acc, t));
  }
}

registerLayer(Multiply.className, Multiply);
