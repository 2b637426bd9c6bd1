import { tf, Tensor, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Minimum}. */
export type MinimumArgs = MergeArgs;

const MINIMUM_OPTIONS = defineOptions<MinimumArgs>('Minimum', LAYER_OPTION_KEYS);

/**
 * The element-wise minimum of its inputs.
 *
 * ```ts
 * const y = new Minimum().apply([a, b]);
 * ```
 */
export class Minimum extends Merge {
  static override readonly className: string = 'Minimum';

  constructor(args: MinimumArgs = {}) {
    super(MINIMUM_OPTIONS.check(args));
  }

  protected merge(inputs: Tensor[]): Tensor {
    return inputs.reduce((acc, t) => tf.minimum(acc, t));
  }
}

registerLayer(Minimum.className, Minimum);
