import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { Initializer, SEED_OPTION_KEYS, checkSeed, drawSeed, type SeedArgs } from './initializer';

/** Arguments of {@link RandomNormal} and {@link TruncatedNormal}. */
export interface RandomNormalArgs extends SeedArgs {
  /** Mean of the distribution (Keras default 0). */
  mean?: number;
  /** Standard deviation (Keras default 0.05). */
  stddev?: number;
}

const RANDOM_NORMAL_OPTIONS = defineOptions<RandomNormalArgs>('RandomNormal', { ...SEED_OPTION_KEYS, mean: true, stddev: true });

function checkStddev(where: string, stddev: number): void {
  if (!(stddev >= 0) || !Number.isFinite(stddev)) throw invalidArgument(where, 'stddev', 'a non-negative finite number', stddev);
}

/** Draws from a normal distribution N(mean, stddev²). */
export class RandomNormal extends Initializer {
  static override readonly className: string = 'RandomNormal';
  readonly mean: number;
  readonly stddev: number;
  readonly seed: number | undefined;
  constructor(args: RandomNormalArgs = {}) {
    super();
    RANDOM_NORMAL_OPTIONS.check(args, new.target.className);
    this.mean = args.mean ?? 0;
    this.stddev = args.stddev ?? 0.05;
    this.seed = args.seed ?? undefined;
    checkStddev('RandomNormal', this.stddev);
    checkSeed('RandomNormal', this.seed);
  }
  apply(shape: number[]): Tensor {
    return tf.randomNormal(shape, this.mean, this.stddev, 'float32', drawSeed(this.seed));
  }
  override getConfig(): Record<string, unknown> {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed ?? null };
  }
}

/**
 * Draws from a normal distribution N(mean, stddev²) and redraws values more than two standard deviations
 * from the mean (so the result's standard deviation is about 0.88 × stddev).
 */
export class TruncatedNormal extends RandomNormal {
  static override readonly className: string = 'TruncatedNormal';
  override apply(shape: number[]): Tensor {
    return tf.truncatedNormal(shape, this.mean, this.stddev, 'float32', drawSeed(this.seed));
  }
}

/** Arguments of {@link RandomUniform}. */
export interface RandomUniformArgs extends SeedArgs {
  /** Lower bound, inclusive (Keras default -0.05). */
  minval?: number;
  /** Upper bound, exclusive (Keras default 0.05). */
  maxval?: number;
}

const RANDOM_UNIFORM_OPTIONS = defineOptions<RandomUniformArgs>('RandomUniform', {
  ...SEED_OPTION_KEYS,
  minval: true,
  maxval: true,
});

/** Draws uniformly from [minval, maxval). */
export class RandomUniform extends Initializer {
  static override readonly className: string = 'RandomUniform';
  readonly minval: number;
  readonly maxval: number;
  readonly seed: number | undefined;
  constructor(args: RandomUniformArgs = {}) {
    super();
    RANDOM_UNIFORM_OPTIONS.check(args);
    this.minval = args.minval ?? -0.05;
    this.maxval = args.maxval ?? 0.05;
    this.seed = args.seed ?? undefined;
    if (!(this.maxval >= this.minval)) {
      throw invalidArgument('RandomUniform', 'maxval', `>= minval=${this.minval}`, this.maxval);
    }
    checkSeed('RandomUniform', this.seed);
  }
  apply(shape: number[]): Tensor {
    return tf.randomUniform(shape, this.minval, this.maxval, 'float32', drawSeed(this.seed));
  }
  override getConfig(): Record<string, unknown> {
    return { minval: this.minval, maxval: this.maxval, seed: this.seed ?? null };
  }
}
