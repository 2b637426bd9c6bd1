import { tf, Tensor, invalidArgument, defineOptions, type NoOptions } from '@strata-ml/core';
import { Initializer } from './initializer';

const ZEROS_OPTIONS = defineOptions<NoOptions>('Zeros', {});
const ONES_OPTIONS = defineOptions<NoOptions>('Ones', {});

/** Fills with zeros (Keras's default bias initializer). */
export class Zeros extends Initializer {
  static override readonly className: string = 'Zeros';
  constructor(args: NoOptions = {}) {
    super();
    ZEROS_OPTIONS.check(args);
  }
  apply(shape: number[]): Tensor {
    return tf.zeros(shape, 'float32');
  }
}

/** Fills with ones. */
export class Ones extends Initializer {
  static override readonly className: string = 'Ones';
  constructor(args: NoOptions = {}) {
    super();
    ONES_OPTIONS.check(args);
  }
  apply(shape: number[]): Tensor {
    return tf.ones(shape, 'float32');
  }
}

/** Arguments of {@link Constant}. */
export interface ConstantArgs {
  /** The fill value (Keras default 0). */
  value?: number;
}

const CONSTANT_OPTIONS = defineOptions<ConstantArgs>('Constant', { value: true });

/** Fills with one value. */
export class Constant extends Initializer {
  static override readonly className: string = 'Constant';
  readonly value: number;
  constructor(args: ConstantArgs = {}) {
    super();
    CONSTANT_OPTIONS.check(args);
    this.value = args.value ?? 0;
    if (!Number.isFinite(this.value)) throw invalidArgument('Constant', 'value', 'a finite number', args.value);
  }
  apply(shape: number[]): Tensor {
    return tf.fill(shape, this.value, 'float32');
  }
  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}
