import { tf, Tensor, invalidArgument, shapeMismatch, defineOptions } from '@strata-ml/core';
import { Initializer, SEED_OPTION_KEYS, checkSeed, drawSeed, type SeedArgs } from './initializer';

/** Arguments of {@link Orthogonal}. */
export interface OrthogonalArgs extends SeedArgs {
  /** Multiplies the orthogonal matrix (Keras default 1). */
  gain?: number;
}

const ORTHOGONAL_OPTIONS = defineOptions<OrthogonalArgs>('Orthogonal', { ...SEED_OPTION_KEYS, gain: true });

/**
 * A random orthogonal matrix (Saxe et al. 2014): the Q of the QR decomposition of a normal draw, with
 * signs fixed by R's diagonal so the distribution is uniform. Shapes of rank > 2 are treated as
 * `[prod(shape[:-1]), shape[-1]]`.
 */
export class Orthogonal extends Initializer {
  static override readonly className: string = 'Orthogonal';
  readonly gain: number;
  readonly seed: number | undefined;
  constructor(args: OrthogonalArgs = {}) {
    super();
    ORTHOGONAL_OPTIONS.check(args);
    this.gain = args.gain ?? 1;
    if (!Number.isFinite(this.gain)) throw invalidArgument('Orthogonal', 'gain', 'a finite number', args.gain);
    this.seed = args.seed ?? undefined;
    checkSeed('Orthogonal', this.seed);
  }
  apply(shape: number[]): Tensor {
    if (shape.length < 2) throw shapeMismatch('Orthogonal', 'weight shape', 'of rank >= 2', shape);
    const cols = shape[shape.length - 1] as number;
    const rows = shape.reduce((p, d) => p * d, 1) / cols;
    return tf.tidy(() => {
      // QR needs rows >= cols; draw the transpose otherwise.
      const tall = rows >= cols;
      const a = tf.randomNormal(tall ? [rows, cols] : [cols, rows], 0, 1, 'float32', drawSeed(this.seed)) as tf.Tensor2D;
      const [q, r] = tf.linalg.qr(a);
      const signs = tf.sign(tf.sum(tf.mul(r, tf.eye(r.shape[0], r.shape[1])), 0));
      let m: Tensor = tf.mul(q, signs);
      if (!tall) m = tf.transpose(m);
      return tf.reshape(tf.mul(this.gain, m), shape);
    });
  }
  override getConfig(): Record<string, unknown> {
    return { gain: this.gain, seed: this.seed ?? null };
  }
}
