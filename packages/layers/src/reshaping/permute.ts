import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';
import type { Shape } from '../shape';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Permute} (besides `dims`). */
export type PermuteArgs = LayerArgs;

const PERMUTE_OPTIONS = defineOptions<PermuteArgs>('Permute', LAYER_OPTION_KEYS);

/**
 * Reorders the axes of every sample. `dims` numbers the non-batch axes from 1, as Keras does:
 * `new Permute([2, 1])` turns `[batch, steps, features]` into `[batch, features, steps]`.
 */
export class Permute extends Layer {
  static override readonly className: string = 'Permute';
  /** A permutation of `1..n`. */
  readonly dims: number[];

  constructor(dims: number[], args: PermuteArgs = {}) {
    super(PERMUTE_OPTIONS.check(args));
    const sorted = Array.isArray(dims) ? dims.slice().sort((a, b) => a - b) : [];
    if (!Array.isArray(dims) || dims.length === 0 || !sorted.every((d, i) => d === i + 1)) {
      throw invalidArgument('Permute', 'dims', 'a permutation of 1..n (the batch axis 0 excluded)', dims);
    }
    this.dims = dims.slice();
    this.inputSpec = { ndim: dims.length + 1 };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    return [shape[0] ?? null, ...this.dims.map((d) => shape[d] ?? null)];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return tf.transpose(inputs as Tensor, [0, ...this.dims]);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dims: this.dims.slice() };
  }

  static override fromConfig(config: Record<string, unknown>): Permute {
    const { dims, ...rest } = config;
    return new Permute(dims as number[], rest as PermuteArgs);
  }
}

registerLayer(Permute.className, Permute);
