import { tf, Tensor, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Subtract}. */
export type SubtractArgs = MergeArgs;

const SUBTRACT_OPTIONS = defineOptions<SubtractArgs>('Subtract', LAYER_OPTION_KEYS);

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

  constructor(args: SubtractArgs = {}) {
    super(SUBTRACT_OPTIONS.check(args));
  }

  protected merge(inputs: Tensor[]): Tensor {
    return tf.sub(inputs[0] as Tensor, inputs[1] as Tensor);
  }
}

registerLayer(Subtract.className, Subtract);
