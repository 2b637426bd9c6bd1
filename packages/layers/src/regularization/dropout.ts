import { tf, Tensor, RandomGenerator, StrataDropoutMask, invalidArgument, nextSeed, defineOptions } from '@strata-ml/core';
import { Layer, type CallArgs, type LayerArgs } from '../layer';
import { LAYER_OPTION_KEYS } from '../layer-options';

/**
 * Kernel that draws a whole inverted-dropout mask (entries 0 or `1 / (1 - rate)`) in one pass; attributes
 * `shape`, `rate`, `seed`. `@strata-ml/backend-wasm` registers it. Where the current backend lacks it, Dropout
 * draws the mask with `tf.randomUniform` and elementwise ops; the two paths give different masks for the
 * same seed, each repeatable.
 */
/** Arguments of {@link Dropout} (besides `rate`). */
export interface DropoutArgs extends LayerArgs {
  /**
   * Shape of the keep/drop mask, broadcast over the input; `null` entries take the input's size. For
   * example `[null, 1, null]` drops the same features at every time step. Default: the input's shape.
   */
  noiseShape?: (number | null)[] | null;
  /** Makes the masks repeatable on their own; by default each mask's seed comes from core's `nextSeed()`. */
  seed?: number | null;
}

const DROPOUT_OPTIONS = defineOptions<DropoutArgs>('Dropout', { ...LAYER_OPTION_KEYS, noiseShape: true, seed: true });

/**
 * Sets a fraction `rate` of its inputs to zero during training and scales the rest by `1 / (1 - rate)`
 * (inverted dropout, Srivastava et al. 2014), so inference is the identity.
 */
export class Dropout extends Layer {
  static override readonly className: string = 'Dropout';
  /** The fraction dropped, in [0, 1). */
  readonly rate: number;
  readonly noiseShape: (number | null)[] | null;
  readonly seed: number | null;
  private readonly generator: RandomGenerator | null;

  constructor(rate: number, args: DropoutArgs = {}) {
    super(DROPOUT_OPTIONS.check(args));
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) throw invalidArgument('Dropout', 'rate', 'a number in [0, 1)', rate);
    if (args.seed != null && (!Number.isInteger(args.seed) || args.seed < 0)) {
      throw invalidArgument('Dropout', 'seed', 'a non-negative integer', args.seed);
    }
    this.rate = rate;
    this.noiseShape = args.noiseShape ?? null;
    this.seed = args.seed ?? null;
    this.generator = this.seed === null ? null : new RandomGenerator(this.seed);
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor {
    const x = inputs as Tensor;
    if (!kwargs.training || this.rate === 0) return x;
    const keep = 1 - this.rate;
    const maskShape = this.noiseShape === null ? x.shape : this.noiseShape.map((d, i) => d ?? (x.shape[i] as number));
    const seed = this.generator ? this.generator.nextSeed() : nextSeed();
    return tf.tidy(() => {
      // The mask is a constant of the step: only the product carries a gradient, back to `x`.
      const mask =
        tf.getKernel(StrataDropoutMask, tf.getBackend()) !== undefined
          ? (tf.engine().runKernel(StrataDropoutMask, {}, { shape: maskShape, rate: this.rate, seed }) as Tensor)
          : tf.div(tf.cast(tf.less(tf.randomUniform(maskShape, 0, 1, 'float32', seed), keep), 'float32'), keep);
      return tf.mul(x, mask);
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, noiseShape: this.noiseShape, seed: this.seed };
  }

  static override fromConfig(config: Record<string, unknown>): Dropout {
    const { rate, ...rest } = config;
    return new Dropout(rate as number, rest as DropoutArgs);
  }
}
