import { tf, Tensor, defineOptions, optionKeys } from '@strata-ml/core';
import { getActivation, serializeActivation, type ActivationIdentifier } from '../activations/get-activation';
import type { ActivationFn } from '../activations/activations';
import { Initializer } from '../initializers/initializer';
import { registerLayer } from '../registry';
import { RNN_CELL_OPTION_KEYS, RNNCell, type RNNCellArgs } from './rnn-cell';

/** Arguments of {@link LSTMCell} (besides `units`). */
export interface LSTMCellArgs extends RNNCellArgs {
  /** The activation of the input, forget and output gates (default `sigmoid`). */
  recurrentActivation?: ActivationIdentifier | null;
  /**
   * Starts the forget gate's bias at 1 and the rest at `biasInitializer` (default true), as Jozefowicz et
   * al. 2015 recommend, so that the cell remembers at first.
   */
  unitForgetBias?: boolean;
}

/** The keys of {@link LSTMCellArgs}. */
export const LSTM_CELL_OPTION_KEYS = optionKeys<LSTMCellArgs>({
  ...RNN_CELL_OPTION_KEYS,
  recurrentActivation: true,
  unitForgetBias: true,
});

const LSTM_CELL_OPTIONS = defineOptions<LSTMCellArgs>('LSTMCell', LSTM_CELL_OPTION_KEYS);

/** The LSTM bias at creation: `[bias(units), ones(units), bias(2·units)]` for the `[i, f, c, o]` blocks. */
class UnitForgetBias extends Initializer {
  constructor(private readonly base: Initializer, private readonly units: number) {
    super();
  }
  apply(): Tensor {
    const u = this.units;
    return tf.tidy(() => tf.concat([this.base.apply([u]), tf.ones([u]), this.base.apply([2 * u])]));
  }
}

/**
 * One step of a long short-term memory network (Hochreiter & Schmidhuber 1997), as Keras 3's `LSTMCell`.
 * The gates are packed `[i, f, c, o]` along the kernels' last axis; with `z = x·W + h₋₁·U + b`:
 * `c = σ(z_f)·c₋₁ + σ(z_i)·tanh(z_c)` and `h = σ(z_o)·tanh(c)`, where σ is `recurrentActivation` and tanh
 * `activation`. The states are `[h, c]`; the output is `h`.
 */
export class LSTMCell extends RNNCell {
  static override readonly className: string = 'LSTMCell';
  /** The gates' activation. */
  readonly recurrentActivation: ActivationFn;
  readonly unitForgetBias: boolean;

  constructor(units: number, args: LSTMCellArgs = {}) {
    super(units, 4, LSTM_CELL_OPTIONS.check(args));
    this.recurrentActivation = getActivation(args.recurrentActivation === undefined ? 'sigmoid' : args.recurrentActivation);
    this.unitForgetBias = args.unitForgetBias ?? true;
  }

  get stateSize(): number[] {
    return [this.units, this.units];
  }

  protected override get dropoutMaskCount(): number {
    return this.recurrentDropout > 0 ? 4 : 1;
  }

  protected override biasWeightInitializer(): Initializer {
    return this.unitForgetBias ? new UnitForgetBias(this.biasInitializer, this.units) : this.biasInitializer;
  }

  step(xProjected: Tensor, states: Tensor[], recurrentMasks: Tensor[] | null): Tensor[] {
    const [h, c] = states as [Tensor, Tensor];
    const z = this.recurrentProduct(h, recurrentMasks, xProjected);
    const [zi, zf, zc, zo] = tf.split(z, 4, 1) as [Tensor, Tensor, Tensor, Tensor];
    const i = this.recurrentActivation(zi);
    const f = this.recurrentActivation(zf);
    const o = this.recurrentActivation(zo);
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, this.activation(zc)));
    return [tf.mul(o, this.activation(cNext)), cNext];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      recurrentActivation: serializeActivation(this.recurrentActivation),
      unitForgetBias: this.unitForgetBias,
    };
  }

  static override fromConfig(config: Record<string, unknown>): LSTMCell {
    const { units, ...rest } = config;
    return new LSTMCell(units as number, rest as LSTMCellArgs);
  }
}

registerLayer(LSTMCell.className, LSTMCell);
