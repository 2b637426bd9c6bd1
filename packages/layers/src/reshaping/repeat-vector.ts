import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';
import type { Shape } from '../shape';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link RepeatVector} (besides `n`). */
export type RepeatVectorArgs = LayerArgs;

const REPEAT_VECTOR_OPTIONS = defineOptions<RepeatVectorArgs>('RepeatVector', LAYER_OPTION_KEYS);

/** Repeats each `[features]` sample `n` times: `[batch, features]` → `[batch, n, features]`. */
export class RepeatVector extends Layer {
  static override readonly className: string = 'RepeatVector';
  /** The number of repetitions. */
  readonly n: number;

  constructor(n: number, args: RepeatVectorArgs = {}) {
    super(REPEAT_VECTOR_OPTIONS.check(args));
    if (!Number.isInteger(n) || n <= 0) throw invalidArgument('RepeatVector', 'n', 'a positive integer', n);
    this.n = n;
    this.inputSpec = { ndim: 2 };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    return [shape[0] ?? null, this.n, shape[1] ?? null];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return tf.tidy(() => tf.tile(tf.expandDims(inputs as Tensor, 1), [1, this.n, 1]));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), n: this.n };
  }

  static override fromConfig(config: Record<string, unknown>): RepeatVector {
    const { n, ...rest } = config;
    return new RepeatVector(n as number, rest as RepeatVectorArgs);
  }
}

registerLayer(RepeatVector.className, RepeatVector);
