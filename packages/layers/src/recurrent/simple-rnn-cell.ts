import { defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { RNN_CELL_OPTION_KEYS, RNNCell, type RNNCellArgs } from './rnn-cell';

/** Arguments of {@link SimpleRNNCell} (besides `units`). */
export type SimpleRNNCellArgs = RNNCellArgs;

const SIMPLE_RNN_CELL_OPTIONS = defineOptions<SimpleRNNCellArgs>('SimpleRNNCell', RNN_CELL_OPTION_KEYS);

/**
 * One step of a fully connected recurrent network (Elman 1990), as Keras's `SimpleRNNCell`:
 * `h = activation(x · kernel + h₋₁ · recurrentKernel + bias)`; the output is `h`.
 *
 * ```ts
 * const rnn = new RNN(new SimpleRNNCell(32));
 * ```
 */
export class SimpleRNNCell extends RNNCell {
  static override readonly className: string = 'SimpleRNNCell';

  constructor(units: number, args: SimpleRNNCellArgs = {}) {
    super(units, 1, SIMPLE_RNN_CELL_OPTIONS.check(args));
  }

  get stateSize(): number[] {
    return [this.units];
  }

  step(xProjected: Tensor, states: Tensor[], recurrentMasks: Tensor[] | null): Tensor[] {
    const h = states[0] as Tensor;
    return [this.activation(this.recurrentProduct(h, recurrentMasks, xProjected))];
  }

  static override fromConfig(config: Record<string, unknown>): SimpleRNNCell {
    const { units, ...rest } = config;
    return new SimpleRNNCell(units as number, rest as SimpleRNNCellArgs);
  }
}

registerLayer(SimpleRNNCell.className, SimpleRNNCell);
