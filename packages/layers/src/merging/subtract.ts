import { tf, Tensor } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';

/** Arguments of {@link Subtract}. */
export type SubtractArgs = MergeArgs;

/**
 * The difference `inputs[0] − inputs[1]` of exactly two inputs.
 *
 * ```ts
 * const diff = new Subtract().apply([a, b]);
 * ```
 */
export class Subtract extends Merge {
  static override readonly className: string = 'Subtract';
  protected override readonly inputCount = { exact: 2, min: 2 };

  protected merge(inputs: Tensor[]): Tensor {
    return tf.sub(inputs[0] as Tensor, inputs[1] as Tensor);
  }
}

registerLayer(Subtract.className, Subtract);
