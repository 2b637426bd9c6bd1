import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { Initializer, SEED_OPTION_KEYS, checkSeed, computeFans, drawSeed, type SeedArgs } from './initializer';

/** Which fan `VarianceScaling` divides by. */
export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';
/** Which distribution `VarianceScaling` draws from. */
export type Distribution = 'truncated_normal' | 'untruncated_normal' | 'uniform';

/** Arguments of {@link VarianceScaling}. */
export interface VarianceScalingArgs extends SeedArgs {
  /** Scaling factor, positive (Keras default 1). */
  scale?: number;
  /** `'fan_in'` (default), `'fan_out'` or `'fan_avg'`; camelCase accepted. */
  mode?: FanMode | 'fanIn' | 'fanOut' | 'fanAvg';
  /** `'truncated_normal'` (default), `'untruncated_normal'` or `'uniform'`; camelCase accepted. */
  distribution?: Distribution | 'truncatedNormal' | 'untruncatedNormal' | 'normal';
}

const SEED_OPTIONS = defineOptions<SeedArgs>('VarianceScaling', SEED_OPTION_KEYS);

const VARIANCE_SCALING_OPTIONS = defineOptions<VarianceScalingArgs>('VarianceScaling', {
  ...SEED_OPTION_KEYS,
  scale: true,
  mode: true,
  distribution: true,
});

/**
 * The standard deviation of a unit normal truncated to [-2, 2]; dividing by it makes a truncated normal
 * draw have the intended variance.
 */
const TRUNCATED_NORMAL_STDDEV = 0.87962566103423978;

const MODES: Record<string, FanMode> = { fan_in: 'fan_in', fanIn: 'fan_in', fan_out: 'fan_out', fanOut: 'fan_out', fan_avg: 'fan_avg', fanAvg: 'fan_avg' };
const DISTRIBUTIONS: Record<string, Distribution> = {
  truncated_normal: 'truncated_normal', truncatedNormal: 'truncated_normal',
  untruncated_normal: 'untruncated_normal', untruncatedNormal: 'untruncated_normal', normal: 'untruncated_normal',
  uniform: 'uniform',
};

/**
 * Draws with a variance adapted to the weight's shape: `scale / n` where n is the fan-in, fan-out or their
 * average. Normal draws are truncated at two standard deviations (and rescaled) unless `untruncated_normal`;
 * uniform draws come from `[-limit, limit]` with `limit = sqrt(3 * scale / n)`.
 */
export class VarianceScaling extends Initializer {
  static override readonly className: string = 'VarianceScaling';
  readonly scale: number;
  readonly mode: FanMode;
  readonly distribution: Distribution;
  readonly seed: number | undefined;

  constructor(args: VarianceScalingArgs = {}) {
    super();
    VARIANCE_SCALING_OPTIONS.check(args, new.target.className);
    const where = (this.constructor as typeof Initializer).className;
    this.scale = args.scale ?? 1;
    if (!(this.scale > 0) || !Number.isFinite(this.scale)) throw invalidArgument(where, 'scale', 'a positive number', args.scale);
    const mode = MODES[args.mode ?? 'fan_in'];
    if (mode === undefined) throw invalidArgument(where, 'mode', "one of 'fan_in', 'fan_out', 'fan_avg'", args.mode);
    const distribution = DISTRIBUTIONS[args.distribution ?? 'truncated_normal'];
    if (distribution === undefined) {
      throw invalidArgument(where, 'distribution', "one of 'truncated_normal', 'untruncated_normal', 'uniform'", args.distribution);
    }
    this.mode = mode;
    this.distribution = distribution;
    this.seed = args.seed ?? undefined;
    checkSeed(where, this.seed);
  }

  apply(shape: number[]): Tensor {
    const { fanIn, fanOut } = computeFans(shape);
    const n = this.mode === 'fan_in' ? fanIn : this.mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
    const scale = this.scale / Math.max(1, n);
    const seed = drawSeed(this.seed);
    if (this.distribution === 'truncated_normal') {
      return tf.truncatedNormal(shape, 0, Math.sqrt(scale) / TRUNCATED_NORMAL_STDDEV, 'float32', seed);
    }
    if (this.distribution === 'untruncated_normal') return tf.randomNormal(shape, 0, Math.sqrt(scale), 'float32', seed);
    const limit = Math.sqrt(3 * scale);
    return tf.randomUniform(shape, -limit, limit, 'float32', seed);
  }

  override getConfig(): Record<string, unknown> {
    return { scale: this.scale, mode: this.mode, distribution: this.distribution, seed: this.seed ?? null };
  }
}

/** Glorot (Xavier) uniform: `U(-limit, limit)`, `limit = sqrt(6 / (fanIn + fanOut))` (Glorot & Bengio 2010). Keras's default kernel initializer. */
export class GlorotUniform extends VarianceScaling {
  static override readonly className: string = 'GlorotUniform';
  constructor(args: SeedArgs = {}) {
    super({ scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: SEED_OPTIONS.check(args, 'GlorotUniform').seed });
  }
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/** Glorot (Xavier) normal: truncated normal with `stddev = sqrt(2 / (fanIn + fanOut))`. */
export class GlorotNormal extends VarianceScaling {
  static override readonly className: string = 'GlorotNormal';
  constructor(args: SeedArgs = {}) {
    super({ scale: 1, mode: 'fan_avg', distribution: 'truncated_normal', seed: SEED_OPTIONS.check(args, 'GlorotNormal').seed });
  }
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/** He uniform: `limit = sqrt(6 / fanIn)` (He et al. 2015). */
export class HeUniform extends VarianceScaling {
  static override readonly className: string = 'HeUniform';
  constructor(args: SeedArgs = {}) {
    super({ scale: 2, mode: 'fan_in', distribution: 'uniform', seed: SEED_OPTIONS.check(args, 'HeUniform').seed });
  }
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/** He normal: truncated normal with `stddev = sqrt(2 / fanIn)`. */
export class HeNormal extends VarianceScaling {
  static override readonly className: string = 'HeNormal';
  constructor(args: SeedArgs = {}) {
    super({ scale: 2, mode: 'fan_in', distribution: 'truncated_normal', seed: SEED_OPTIONS.check(args, 'HeNormal').seed });
  }
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/** LeCun uniform: `limit = sqrt(3 / fanIn)` (LeCun et al. 1998). */
export class LecunUniform extends VarianceScaling {
  static override readonly className: string = 'LecunUniform';
  constructor(args: SeedArgs = {}) {
    super({ scale: 1, mode: 'fan_in', distribution: 'uniform', seed: SEED_OPTIONS.check(args, 'LecunUniform').seed });
  }
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/** LeCun normal: truncated normal with `stddev = sqrt(1 / fanIn)`; the initializer for `selu`. */
export class LecunNormal extends VarianceScaling {
  static override readonly className: string = 'LecunNormal';
  constructor(args: SeedArgs = {}) {
    super({ scale: 1, mode: 'fan_in', distribution: 'truncated_normal', seed: SEED_OPTIONS.check(args, 'LecunNormal').seed });
  }
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}
