import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link LeakyReLU}. */
export interface LeakyReLUArgs extends LayerArgs {
  /** Slope for negative inputs, >= 0 (default 0.3, as the Keras layer; the `leaky_relu` activation uses 0.2). */
  negativeSlope?: number;
}

const LEAKY_RELU_OPTIONS = defineOptions<LeakyReLUArgs>('LeakyReLU', {
  ...LAYER_OPTION_KEYS,
  negativeSlope: true,
}, { renamed: { alpha: 'negativeSlope' } });

/** `x` for `x >= 0`, `negativeSlope · x` otherwise (Maas et al. 2013). */
export class LeakyReLU extends Layer {
  static override readonly className: string = 'LeakyReLU';
  readonly negativeSlope: number;

  constructor(args: LeakyReLUArgs = {}) {
    args = LEAKY_RELU_OPTIONS.check(args);
    super(args);
    const slope = args.negativeSlope ?? 0.3;
    if (typeof slope !== 'number' || !(slope >= 0)) throw invalidArgument('LeakyReLU', 'negativeSlope', 'a number >= 0', args.negativeSlope);
    this.negativeSlope = slope;
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return tf.leakyRelu(inputs as Tensor, this.negativeSlope);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), negativeSlope: this.negativeSlope };
  }
}

registerLayer(LeakyReLU.className, LeakyReLU);
