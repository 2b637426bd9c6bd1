import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link ReLU}. */
export interface ReLUArgs extends LayerArgs {
  /** Upper bound of the output, >= 0; default none. */
  maxValue?: number | null;
  /** Slope below the threshold, >= 0 (default 0). */
  negativeSlope?: number;
  /** Inputs below it take the negative slope, >= 0 (default 0). */
  threshold?: number;
}

const RE_LU_OPTIONS = defineOptions<ReLUArgs>('ReLU', {
  ...LAYER_OPTION_KEYS,
  maxValue: true,
  negativeSlope: true,
  threshold: true,
});

/**
 * The general rectifier: `maxValue` for `x >= maxValue`, `x` for `threshold <= x < maxValue`, and
 * `negativeSlope · (x − threshold)` below the threshold. The defaults give `max(x, 0)`.
 */
export class ReLU extends Layer {
  static override readonly className: string = 'ReLU';
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;

  constructor(args: ReLUArgs = {}) {
    super(RE_LU_OPTIONS.check(args));
    const nonNegative = (name: string, v: unknown): number => {
      if (typeof v !== 'number' || !(v >= 0)) throw invalidArgument('ReLU', name, 'a number >= 0', v);
      return v;
    };
    this.maxValue = args.maxValue == null ? null : nonNegative('maxValue', args.maxValue);
    this.negativeSlope = nonNegative('negativeSlope', args.negativeSlope ?? 0);
    this.threshold = nonNegative('threshold', args.threshold ?? 0);
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    return tf.tidy(() => {
      let y: Tensor;
      if (this.negativeSlope === 0 && this.threshold === 0) {
        y = tf.relu(x);
      } else {
        const below = tf.mul(tf.sub(x, this.threshold), this.negativeSlope);
        y = tf.where(tf.greaterEqual(x, this.threshold), x, below);
      }
      return this.maxValue === null ? y : tf.minimum(y, this.maxValue);
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), maxValue: this.maxValue, negativeSlope: this.negativeSlope, threshold: this.threshold };
  }
}

registerLayer(ReLU.className, ReLU);
