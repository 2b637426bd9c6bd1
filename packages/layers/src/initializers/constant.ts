import { tf, Tensor, invalidArgument } from '@strata-ml/core';
import { Initializer } from './initializer';

/** Fills with zeros (Keras's default bias initializer). */
export class Zeros extends Initializer {
  static override readonly className: string = 'Zeros';
  apply(shape: number[]): Tensor {
    return tf.zeros(shape, 'float32');
  }
}

/** Fills with ones. */
export class Ones extends Initializer {
  static override readonly className: string = 'Ones';
  apply(shape: number[]): Tensor {
    return tf.ones(shape, 'float32');
  }
}

/** Arguments of {@link Constant}. */
export interface ConstantArgs {
  /** The fill value (Keras default 0). */
  value?: number;
}

/** Fills with one value. */
export class Constant extends Initializer {
  static override readonly className: string = 'Constant';
  readonly value: number;
  constructor(args: ConstantArgs = {}) {
    super();
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
