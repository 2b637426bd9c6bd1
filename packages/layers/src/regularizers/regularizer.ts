import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';

/** A penalty on a weight or an activation, added to the loss during training. */
export abstract class Regularizer {
  /** The registered class name (`L1L2`, `L1`, `L2`). */
  static readonly className: string = 'Regularizer';
  /** The penalty for `x`, a scalar. */
  abstract apply(x: Tensor): Tensor;
  /** The constructor arguments, JSON-serializable. */
  abstract getConfig(): Record<string, unknown>;
  /** This regularizer's class name. */
  get className(): string {
    return (this.constructor as typeof Regularizer).className;
  }
}

function checkFactor(where: string, name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw invalidArgument(where, name, 'a non-negative finite number', value);
}

/** Arguments of {@link L1L2}. */
export interface L1L2Args {
  /** Factor of the L1 penalty `l1 * sum(|x|)` (default 0). */
  l1?: number;
  /** Factor of the L2 penalty `l2 * sum(x²)` (default 0; no ½, as Keras). */
  l2?: number;
}

const L1L2_OPTIONS = defineOptions<L1L2Args>('L1L2', { l1: true, l2: true });

/** `l1 * sum(|x|) + l2 * sum(x²)`. */
export class L1L2 extends Regularizer {
  static override readonly className: string = 'L1L2';
  readonly l1: number;
  readonly l2: number;
  constructor(args: L1L2Args = {}) {
    super();
    L1L2_OPTIONS.check(args);
    this.l1 = args.l1 ?? 0;
    this.l2 = args.l2 ?? 0;
    checkFactor(this.className, 'l1', this.l1);
    checkFactor(this.className, 'l2', this.l2);
  }
  apply(x: Tensor): Tensor {
    return tf.tidy(() => {
      let penalty: Tensor = tf.scalar(0);
      if (this.l1 > 0) penalty = tf.add(penalty, tf.mul(this.l1, tf.sum(tf.abs(x))));
      if (this.l2 > 0) penalty = tf.add(penalty, tf.mul(this.l2, tf.sum(tf.square(x))));
      return penalty;
    });
  }
  getConfig(): Record<string, unknown> {
    return { l1: this.l1, l2: this.l2 };
  }
}

/** Arguments of {@link L1}. */
export interface L1Args {
  /** The factor (Keras default 0.01). */
  l1?: number;
}

const L1_OPTIONS = defineOptions<L1Args>('L1', { l1: true });

/** `l1 * sum(|x|)`. */
export class L1 extends L1L2 {
  static override readonly className: string = 'L1';
  constructor(args: L1Args = {}) {
    super({ l1: L1_OPTIONS.check(args).l1 ?? 0.01 });
  }
  override getConfig(): Record<string, unknown> {
    return { l1: this.l1 };
  }
}

/** Arguments of {@link L2}. */
export interface L2Args {
  /** The factor (Keras default 0.01). */
  l2?: number;
}

const L2_OPTIONS = defineOptions<L2Args>('L2', { l2: true });

/** `l2 * sum(x²)`. */
export class L2 extends L1L2 {
  static override readonly className: string = 'L2';
  constructor(args: L2Args = {}) {
    super({ l2: L2_OPTIONS.check(args).l2 ?? 0.01 });
  }
  override getConfig(): Record<string, unknown> {
    return { l2: this.l2 };
  }
}

/** An L1 penalty `factor * sum(|x|)`, as Keras's `regularizers.l1(0.01)`. */
export function l1(factor = 0.01): L1 {
  return new L1({ l1: factor });
}

/** An L2 penalty `factor * sum(x²)`, as Keras's `regularizers.l2(0.01)`; the seed uses `l2(0.001)`. */
export function l2(factor = 0.01): L2 {
  return new L2({ l2: factor });
}

/** Both penalties, as Keras's `regularizers.l1_l2(l1=0.01, l2=0.01)`. */
export function l1l2(args: L1L2Args = {}): L1L2 {
  return new L1L2({ l1: args.l1 ?? 0.01, l2: args.l2 ?? 0.01 });
}
