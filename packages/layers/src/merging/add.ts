import { tf, Tensor } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';

/** Arguments of {@link Add}. */
export type AddArgs = MergeArgs;

/**
 * The element-wise sum of its inputs (same or broadcastable shapes), e.g. the skip connection of a ResNet block.
 *
 * ```ts
 * const y = new Add().apply([x, shortcut]);
 * ```
 */
export class Add extends Merge {
  static override readonly className: string = 'Add';

  protected merge(inputs: Tensor[]): Tensor {
    return inputs.reduce((acc, t) => tf.add(acc, t));
  }
}

registerLayer(Add.className, Add);
