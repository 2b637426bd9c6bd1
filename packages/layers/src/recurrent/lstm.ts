import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { LSTM_CELL_OPTION_KEYS, LSTMCell, type LSTMCellArgs } from './lstm-cell';
import { flatRecurrentConfig, splitRecurrentArgs } from './layer-args';
import { RNN, RNN_OPTION_KEYS, type RNNArgs } from './rnn';

/** Arguments of {@link LSTM} (besides `units`): the cell's and the recurrent layer's. */
export interface LSTMArgs extends LSTMCellArgs, RNNArgs {}

const LSTM_OPTIONS = defineOptions<LSTMArgs>('LSTM', { ...LSTM_CELL_OPTION_KEYS, ...RNN_OPTION_KEYS });

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
    const { layerArgs, cellArgs } = splitRecurrentArgs(LSTM_OPTIONS.check(args));
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
