import { tf, Tensor, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Multiply}. */
export type MultiplyArgs = MergeArgs;

const MULTIPLY_OPTIONS = defineOptions<MultiplyArgs>('Multiply', LAYER_OPTION_KEYS);

/**
 * The element-wise product of its inputs.
 *
 * ```ts
 * const gated = new Multiply().apply([x, gate]);
 * ```
 */
export class Multiply extends Merge {
  static override readonly className: string = 'Multiply';

  constructor(args: MultiplyArgs = {}) {
    super(MULTIPLY_OPTIONS.check(args));
  }

  protected merge(inputs: Tensor[]): Tensor {
    return inputs.reduce((acc, t) => tf.mul(acc, t));
  }
}

registerLayer(Multiply.className, Multiply);
