import { tf, Tensor } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { Merge, type MergeArgs } from './merge';

/** Arguments of {@link Average}. */
export type AverageArgs = MergeArgs;

/**
 * The element-wise mean of its inputs.
 *
 * ```ts
 * const y = new Average().apply([a, b, c]);
 * ```
 */
export class Average extends Merge {
  static override readonly className: string = 'Average';

  protected merge(inputs: Tensor[]): Tensor {
    return tf.div(inputs.reduce((acc, t) => tf.add(acc, t)), inputs.length);
  }
}

registerLayer(Average.className, Average);
