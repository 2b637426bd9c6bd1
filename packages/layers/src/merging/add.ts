import { tf, Tensor, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Add}. */
export type AddArgs = MergeArgs;

const ADD_OPTIONS = defineOptions<AddArgs>('Add', LAYER_OPTION_KEYS);

/**
 * The element-wise sum of its inputs (same or broadcastable shapes), e.g. the skip connection of a ResNet block.
 *
 * ```ts
 * const y = new Add().apply([x, shortcut]);
 * ```
 */
export class Add extends Merge {
  static override readonly className: string = 'Add';

  constructor(args: AddArgs = {}) {
    super(ADD_OPTIONS.check(args));
  }

  protected merge(inputs: Tensor[]): Tensor {
    return inputs.reduce((acc, t) => tf.add(acc, t));
  }
}

registerLayer(Add.className, Add);
