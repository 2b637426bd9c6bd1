import { tf, Tensor, invalidArgument, defineOptions, type NoOptions } from '@strata-ml/core';

/** A projection applied to a weight after each optimizer step (for example, keep it non-negative). */
export abstract class Constraint {
  /** The registered class name. */
  static readonly className: string = 'Constraint';
  /** The projected value of `w`. */
  abstract apply(w: Tensor): Tensor;
  /** The constructor arguments, JSON-serializable. */
  getConfig(): Record<string, unknown> {
    return {};
  }
  /** This constraint's class name. */
  get className(): string {
    return (this.constructor as typeof Constraint).className;
  }
}

/** Arguments of {@link MaxNorm}. */
export interface MaxNormArgs {
  /** The largest allowed norm (Keras default 2). */
  maxValue?: number;
  /** The axis along which norms are taken (Keras default 0: each column of a Dense kernel). */
  axis?: number | number[];
}

const MAX_NORM_OPTIONS = defineOptions<MaxNormArgs>('MaxNorm', { maxValue: true, axis: true });

// Keras's epsilon, keeps the norm division finite.
const EPSILON = 1e-7;

/** Rescales each slice along `axis` whose L2 norm exceeds `maxValue` down to `maxValue`. */
export class MaxNorm extends Constraint {
  static override readonly className: string = 'MaxNorm';
  readonly maxValue: number;
  readonly axis: number | number[];
  constructor(args: MaxNormArgs = {}) {
    super();
    MAX_NORM_OPTIONS.check(args);
    this.maxValue = args.maxValue ?? 2;
    this.axis = args.axis ?? 0;
    if (!(this.maxValue > 0)) throw invalidArgument('MaxNorm', 'maxValue', 'a positive number', args.maxValue);
  }
  apply(w: Tensor): Tensor {
    return tf.tidy(() => {
      const norms = tf.sqrt(tf.sum(tf.square(w), this.axis, true));
      const desired = tf.clipByValue(norms, 0, this.maxValue);
      return tf.mul(w, tf.div(desired, tf.add(norms, EPSILON)));
    });
  }
  override getConfig(): Record<string, unknown> {
    return { maxValue: this.maxValue, axis: this.axis };
  }
}

const NON_NEG_OPTIONS = defineOptions<NoOptions>('NonNeg', {});

/** Sets negative weights to zero. */
export class NonNeg extends Constraint {
  static override readonly className: string = 'NonNeg';
  constructor(args: NoOptions = {}) {
    super();
    NON_NEG_OPTIONS.check(args);
  }
  apply(w: Tensor): Tensor {
    return tf.relu(w);
  }
}

/** Arguments of {@link UnitNorm}. */
export interface UnitNormArgs {
  /** The axis along which norms are taken (Keras default 0). */
  axis?: number | number[];
}

const UNIT_NORM_OPTIONS = defineOptions<UnitNormArgs>('UnitNorm', { axis: true });

/** Rescales each slice along `axis` to unit L2 norm. */
export class UnitNorm extends Constraint {
  static override readonly className: string = 'UnitNorm';
  readonly axis: number | number[];
  constructor(args: UnitNormArgs = {}) {
    super();
    UNIT_NORM_OPTIONS.check(args);
    this.axis = args.axis ?? 0;
  }
  apply(w: Tensor): Tensor {
    return tf.tidy(() => tf.div(w, tf.add(tf.sqrt(tf.sum(tf.square(w), this.axis, true)), EPSILON)));
  }
  override getConfig(): Record<string, unknown> {
    return { axis: this.axis };
  }
}
