import { tf, Tensor, defineOptions, optionKeys } from '@strata-ml/core';
import { getActivation, serializeActivation, type ActivationIdentifier } from '../activations/get-activation';
import type { ActivationFn } from '../activations/activations';
import type { LayerVariable } from '../layer-variable';
import { registerLayer } from '../registry';
import { RNN_CELL_OPTION_KEYS, RNNCell, type RNNCellArgs } from './rnn-cell';

/** Arguments of {@link GRUCell} (besides `units`). */
export interface GRUCellArgs extends RNNCellArgs {
  /** The activation of the update and reset gates (default `sigmoid`). */
  recurrentActivation?: ActivationIdentifier | null;
  /**
   * Applies the reset gate after the recurrent product, with separate input and recurrent biases (bias
   * shape `[2, 3·units]`); Keras's default and cuDNN's convention (default true). False applies it before
   * the product, with one bias `[3·units]`.
   */
  resetAfter?: boolean;
}

/** The keys of {@link GRUCellArgs}. */
export const GRU_CELL_OPTION_KEYS = optionKeys<GRUCellArgs>({
  ...RNN_CELL_OPTION_KEYS,
  recurrentActivation: true,
  resetAfter: true,
});

const GRU_CELL_OPTIONS = defineOptions<GRUCellArgs>('GRUCell', GRU_CELL_OPTION_KEYS);

/**
 * One step of a gated recurrent unit (Cho et al. 2014), as Keras 3's `GRUCell`. The gates are packed
 * `[z, r, h]`. With `resetAfter` (the default): `mx = x·W + b_in`, `mh = h₋₁·U + b_rec`,
 * `z = σ(mx_z + mh_z)`, `r = σ(mx_r + mh_r)`, `ĥ = tanh(mx_h + r·mh_h)`, `h = z·h₋₁ + (1 − z)·ĥ`.
 * Without it, `ĥ = tanh(mx_h + (r·h₋₁)·U_h)`.
 */
export class GRUCell extends RNNCell {
  static override readonly className: string = 'GRUCell';
  /** The gates' activation. */
  readonly recurrentActivation: ActivationFn;
  readonly resetAfter: boolean;

  constructor(units: number, args: GRUCellArgs = {}) {
    super(units, 3, GRU_CELL_OPTIONS.check(args));
    this.recurrentActivation = getActivation(args.recurrentActivation === undefined ? 'sigmoid' : args.recurrentActivation);
    this.resetAfter = args.resetAfter ?? true;
  }

  get stateSize(): number[] {
    return [this.units];
  }

  protected override get dropoutMaskCount(): number {
    return this.recurrentDropout > 0 ? 3 : 1;
  }

  protected override biasShape(): number[] {
    return this.resetAfter ? [2, 3 * this.units] : [3 * this.units];
  }

  /** Row 0 of the bias when `resetAfter`, else the whole bias. */
  protected override inputBias(): Tensor | null {
    if (this.bias === null) return null;
    return this.resetAfter ? this.biasRow(0) : this.bias.variable;
  }

  private biasRow(row: number): Tensor {
    const width = 3 * this.units;
    return tf.reshape(tf.slice((this.bias as LayerVariable).variable, [row, 0], [1, width]), [width]);
  }

  step(xProjected: Tensor, states: Tensor[], recurrentMasks: Tensor[] | null): Tensor[] {
    const h = states[0] as Tensor;
    const [xz, xr, xh] = tf.split(xProjected, 3, 1) as [Tensor, Tensor, Tensor];
    let candidate: Tensor;
    let z: Tensor;
    if (this.resetAfter) {
      const inner = this.recurrentProduct(h, recurrentMasks, this.bias === null ? null : this.biasRow(1));
      const [hz, hr, hh] = tf.split(inner, 3, 1) as [Tensor, Tensor, Tensor];
      z = this.recurrentActivation(tf.add(xz, hz));
      const r = this.recurrentActivation(tf.add(xr, hr));
      candidate = this.activation(tf.add(xh, tf.mul(r, hh)));
    } else {
      const [hz, hr] = tf.split(this.recurrentProduct(h, recurrentMasks, null, 0, 2), 2, 1) as [Tensor, Tensor];
      z = this.recurrentActivation(tf.add(xz, hz));
      const r = this.recurrentActivation(tf.add(xr, hr));
      // Keras masks h₋₁ with the candidate block's own mask before the reset gate multiplies it.
      const hMasked = recurrentMasks === null ? h : tf.mul(h, recurrentMasks[recurrentMasks.length - 1] as Tensor);
      candidate = this.activation(tf.add(xh, this.recurrentProduct(tf.mul(r, hMasked), null, null, 2, 3)));
    }
    return [tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), candidate))];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      recurrentActivation: serializeActivation(this.recurrentActivation),
      resetAfter: this.resetAfter,
    };
  }

  static override fromConfig(config: Record<string, unknown>): GRUCell {
    const { units, ...rest } = config;
    return new GRUCell(units as number, rest as GRUCellArgs);
  }
}

registerLayer(GRUCell.className, GRUCell);
