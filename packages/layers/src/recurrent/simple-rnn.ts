import { registerLayer } from '../registry';
import { SimpleRNNCell, type SimpleRNNCellArgs } from './simple-rnn-cell';
import { flatRecurrentConfig, splitRecurrentArgs } from './layer-args';
import { RNN, type RNNArgs } from './rnn';

/** Arguments of {@link SimpleRNN} (besides `units`): the cell's and the recurrent layer's. */
export interface SimpleRNNArgs extends SimpleRNNCellArgs, RNNArgs {}

/**
 * Fully connected recurrent layer (Elman 1990), as Keras's `SimpleRNN`:
 * `h_t = tanh(x_t · kernel + h_{t−1} · recurrentKernel + bias)` over the time steps; the output is the last
 * `h` (or all of them with `returnSequences`). A shorthand for `new RNN(new SimpleRNNCell(units, …), …)`
 * with a flat config.
 *
 * ```ts
 * model.add(new SimpleRNN(256, { inputShape: [28, 28] }));
 * ```
 */
export class SimpleRNN extends RNN<SimpleRNNCell> {
  static override readonly className: string = 'SimpleRNN';

  constructor(units: number, args: SimpleRNNArgs = {}) {
    const { layerArgs, cellArgs } = splitRecurrentArgs(args);
    super(new SimpleRNNCell(units, cellArgs), layerArgs);
  }

  /** The size of the output and of each state. */
  get units(): number {
    return this.cell.units;
  }

  override getConfig(): Record<string, unknown> {
    return flatRecurrentConfig(super.getConfig(), this.cell);
  }

  static override fromConfig(config: Record<string, unknown>): SimpleRNN {
    const { units, ...rest } = config;
    return new SimpleRNN(units as number, rest as SimpleRNNArgs);
  }
}

registerLayer(SimpleRNN.className, SimpleRNN);
