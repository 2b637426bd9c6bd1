import { tf, Tensor, invalidArgument, shapeMismatch, defineOptions } from '@strata-ml/core';
import { Initializer } from './initializer';

/** Arguments of {@link Identity}. */
export interface IdentityArgs {
  /** Multiplies the identity matrix (Keras default 1). */
  gain?: number;
}

const IDENTITY_OPTIONS = defineOptions<IdentityArgs>('Identity', { gain: true });

/** `gain` times the identity matrix (ones on the main diagonal of a possibly non-square matrix); 2-D only. */
export class Identity extends Initializer {
  static override readonly className: string = 'Identity';
  readonly gain: number;
  constructor(args: IdentityArgs = {}) {
    super();
    IDENTITY_OPTIONS.check(args);
    this.gain = args.gain ?? 1;
    if (!Number.isFinite(this.gain)) throw invalidArgument('Identity', 'gain', 'a finite number', args.gain);
  }
  apply(shape: number[]): Tensor {
    if (shape.length !== 2) throw shapeMismatch('Identity', 'weight shape', 'of rank 2', shape);
    return tf.tidy(() => tf.mul(this.gain, tf.eye(shape[0] as number, shape[1] as number)));
  }
  override getConfig(): Record<string, unknown> {
    return { gain: this.gain };
  }
}
