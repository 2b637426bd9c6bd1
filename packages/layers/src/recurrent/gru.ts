import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { GRU_CELL_OPTION_KEYS, GRUCell, type GRUCellArgs } from './gru-cell';
import { flatRecurrentConfig, splitRecurrentArgs } from './layer-args';
import { RNN, RNN_OPTION_KEYS, type RNNArgs } from './rnn';

/** Arguments of {@link GRU} (besides `units`): the cell's and the recurrent layer's. */
export interface GRUArgs extends GRUCellArgs, RNNArgs {}

const GRU_OPTIONS = defineOptions<GRUArgs>('GRU', { ...GRU_CELL_OPTION_KEYS, ...RNN_OPTION_KEYS });

/**
 * Gated recurrent unit layer (Cho et al. 2014), as Keras 3's `GRU`: {@link GRUCell} run over the time
 * steps, gates packed `[z, r, h]`, `resetAfter` true by default (bias `[2, 3·units]`). A shorthand for
 * `new RNN(new GRUCell(units, …), …)` with a flat config.
 *
 * ```ts
 * model.add(new GRU(256, { inputShape: [28, 28] }));
 * ```
 */
export class GRU extends RNN<GRUCell> {
  static override readonly className: string = 'GRU';

  constructor(units: number, args: GRUArgs = {}) {
    const { layerArgs, cellArgs } = splitRecurrentArgs(GRU_OPTIONS.check(args));
    super(new GRUCell(units, cellArgs), layerArgs);
  }

  /** The size of the output and of each state. */
  get units(): number {
    return this.cell.units;
  }

  override getConfig(): Record<string, unknown> {
    return flatRecurrentConfig(super.getConfig(), this.cell);
  }

  static override fromConfig(config: Record<string, unknown>): GRU {
    const { units, ...rest } = config;
    return new GRU(units as number, rest as GRUArgs);
  }
}

registerLayer(GRU.className, GRU);
