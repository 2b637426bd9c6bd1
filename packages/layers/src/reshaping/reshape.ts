import { tf, Tensor, invalidArgument, shapeMismatch, defineOptions } from '@strata-ml/core';
import { Layer, type LayerArgs } from '../layer';
import { shapeSize, type Shape } from '../shape';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Reshape} (besides the target shape). */
export type ReshapeArgs = LayerArgs;

const RESHAPE_OPTIONS = defineOptions<ReshapeArgs>('Reshape', LAYER_OPTION_KEYS);

/**
 * Reshapes every sample to `targetShape` (batch axis excluded); one entry may be -1 and is inferred:
 * `new Reshape([28, -1])` turns `[batch, 784]` into `[batch, 28, 28]`.
 */
export class Reshape extends Layer {
  static override readonly className: string = 'Reshape';
  /** The per-sample shape, with at most one -1. */
  readonly targetShape: number[];

  constructor(targetShape: number[], args: ReshapeArgs = {}) {
    super(RESHAPE_OPTIONS.check(args));
    const ok = Array.isArray(targetShape) && targetShape.every((d) => d === -1 || (Number.isInteger(d) && d > 0));
    if (!ok || targetShape.filter((d) => d === -1).length > 1) {
      throw invalidArgument('Reshape', 'targetShape', 'an array of positive integers with at most one -1', targetShape);
    }
    this.targetShape = targetShape.slice();
  }

  /** The target shape with -1 resolved for samples of `sampleShape`; throws when sizes cannot match. */
  private resolve(sampleShape: Shape, fullShape: Shape): Shape {
    const inSize = shapeSize(sampleShape);
    const known = this.targetShape.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
    const unknown = this.targetShape.indexOf(-1);
    if (inSize === null) return this.targetShape.map((d) => (d === -1 ? null : d));
    if (unknown === -1 ? inSize !== known : inSize % known !== 0) {
      throw shapeMismatch(this.where, 'input', `with a per-sample size that fits target shape [${this.targetShape.join(', ')}]`, fullShape);
    }
    return this.targetShape.map((d) => (d === -1 ? inSize / known : d));
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    return [shape[0] ?? null, ...this.resolve(shape.slice(1), shape)];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    const target = this.resolve(x.shape.slice(1), x.shape) as number[];
    return tf.reshape(x, [x.shape[0] as number, ...target]);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), targetShape: this.targetShape.slice() };
  }

  static override fromConfig(config: Record<string, unknown>): Reshape {
    const { targetShape, ...rest } = config;
    return new Reshape(targetShape as number[], rest as ReshapeArgs);
  }
}
