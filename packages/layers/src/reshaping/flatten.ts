import { tf, Tensor, shapeMismatch, defineOptions } from '@strata-ml/core';
import { Layer, type LayerArgs } from '../layer';
import { shapeSize, type Shape } from '../shape';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Flatten}. */
export type FlattenArgs = LayerArgs;

const FLATTEN_OPTIONS = defineOptions<FlattenArgs>('Flatten', LAYER_OPTION_KEYS);

/** Flattens every axis but the batch axis: `[batch, 28, 28]` → `[batch, 784]`. */
export class Flatten extends Layer {
  static override readonly className: string = 'Flatten';

  constructor(args: FlattenArgs = {}) {
    super(FLATTEN_OPTIONS.check(args));
    this.inputSpec = { minNdim: 1 };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    return [shape[0] ?? null, shape.length === 1 ? 1 : shapeSize(shape.slice(1))];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    if (x.rank === 0) throw shapeMismatch(this.where, 'input', 'of rank >= 1', x.shape);
    return tf.reshape(x, [x.shape[0] as number, x.rank === 1 ? 1 : x.size / (x.shape[0] as number)]);
  }
}
