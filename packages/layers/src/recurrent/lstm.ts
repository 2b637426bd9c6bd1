import { registerLayer } from '../registry';
import { LSTMCell, type LSTMCellArgs } from './lstm-cell';
import { flatRecurrentConfig, splitRecurrentArgs } from './layer-args';
import { RNN, type RNNArgs } from './rnn';

/** Arguments of {@link LSTM} (besides `units`): the cell's and the recurrent layer's. */
export interface LSTMArgs extends LSTMCellArgs, RNNArgs {}

/**
 * Long short-term memory layer (Hochreiter & Schmidhuber 1997), as Keras 3's `LSTM`: {@link LSTMCell} run
 * over the time steps. Gates packed `[i, f, c, o]`; `unitForgetBias` on by default. A shorthand for
 * `new RNN(new LSTMCell(units, …), …)` with a flat config; `returnState` returns `[output, h, c]`.
 *
 * ```ts
 * model.add(new LSTM(256, { inputShape: [28, 28] }));
 * ```
 */
export class LSTM extends RNN<LSTMCell> {
  static override readonly className: string = 'LSTM';

  constructor(units: number, args: LSTMArgs = {}) {
    const { layerArgs, cellArgs } = splitRecurrentArgs(args);
    super(new LSTMCell(units, cellArgs), layerArgs);
  }

  /** The size of the output and of each state. */
  get units(): number {
    return this.cell.units;
  }

  override getConfig(): Record<string, unknown> {
    return flatRecurrentConfig(super.getConfig(), this.cell);
  }

  static override fromConfig(config: Record<string, unknown>): LSTM {
    const { units, ...rest } = config;
    return new LSTM(units as number, rest as LSTMArgs);
  }
}

registerLayer(LSTM.className, LSTM);
