import { tf, Tensor, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Average}. */
export type AverageArgs = MergeArgs;

const AVERAGE_OPTIONS = defineOptions<AverageArgs>('Average', LAYER_OPTION_KEYS);

/**
 * The element-wise mean of its inputs.
 *
 * ```ts
 * const y = new Average().apply([a, b, c]);
 * ```
 */
export class Average extends Merge {
  static override readonly className: string = 'Average';

  constructor(args: AverageArgs = {}) {
    super(AVERAGE_OPTIONS.check(args));
  }

  protected merge(inputs: Tensor[]): Tensor {
    return tf.div(inputs.reduce((acc, t) => tf.add(acc, t)), inputs.length);
  }
}

registerLayer(Average.className, Average);
