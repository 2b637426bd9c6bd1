import { tf, Tensor, ValueError, invalidArgument, defineOptions } from '@strata-ml/core';
import { Layer, type CallArgs, type LayerArgs } from '../layer';
import type { LayerVariable } from '../layer-variable';
import type { SerializedObject } from '../initializers/initializer';
import { deserializeLayer, registerLayer, serializeLayer } from '../registry';
import type { Shape } from '../shape';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link TimeDistributed} (besides the wrapped layer). */
export type TimeDistributedArgs = LayerArgs;

const TIME_DISTRIBUTED_OPTIONS = defineOptions<TimeDistributedArgs>('TimeDistributed', LAYER_OPTION_KEYS);

/**
 * Applies one layer to every time step of `[batch, time, ...]` inputs with the same weights, as Keras's
 * `TimeDistributed`: the batch and time axes are merged, the layer runs once on `[batch·time, ...]`, and
 * the result is split back to `[batch, time, ...]`. The wrapped layer is used as is (its weights are the
 * wrapper's weights).
 *
 * ```ts
 * model.add(new TimeDistributed(new Dense(10))); // [batch, time, features] → [batch, time, 10]
 * ```
 */
export class TimeDistributed extends Layer {
  static override readonly className: string = 'TimeDistributed';
  /** The layer applied at each time step. */
  readonly layer: Layer;

  constructor(layer: Layer, args: TimeDistributedArgs = {}) {
    super(TIME_DISTRIBUTED_OPTIONS.check(args));
    if (!(layer instanceof Layer)) throw invalidArgument('TimeDistributed', 'layer', 'a Layer', layer);
    this.layer = layer;
    this.inputSpec = { minNdim: 3 };
  }

  override get trainableWeights(): LayerVariable[] {
    return this.trainable ? this.layer.trainableWeights : [];
  }

  override get nonTrainableWeights(): LayerVariable[] {
    return this.trainable ? this.layer.nonTrainableWeights : this.layer.weights;
  }

  private stepShape(shape: Shape): Shape {
    return [null, ...shape.slice(2)];
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    if (!this.layer.built) {
      this.layer.build(this.stepShape(shape));
      this.layer.built = true;
    }
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    const inner = this.layer.computeOutputShape(this.stepShape(shape));
    if (inner.length > 0 && Array.isArray(inner[0])) {
      throw new ValueError(`${this.where}: the wrapped layer must return one tensor; ${this.layer.className} '${this.layer.name}' returns ${inner.length}`);
    }
    return [shape[0] ?? null, shape[1] ?? null, ...(inner as Shape).slice(1)];
  }

  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor {
    const x = inputs as Tensor;
    const [batch, time, ...rest] = x.shape as number[];
    return tf.tidy(() => {
      const flat = tf.reshape(x, [(batch as number) * (time as number), ...rest]);
      const y = this.layer.apply(flat, { training: kwargs.training ?? false });
      return tf.reshape(y, [batch as number, time as number, ...y.shape.slice(1)]);
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), layer: serializeLayer(this.layer) };
  }

  static override fromConfig(config: Record<string, unknown>): TimeDistributed {
    const { layer, ...rest } = config;
    return new TimeDistributed(deserializeLayer(layer as SerializedObject), rest as TimeDistributedArgs);
  }

  override dispose(): void {
    this.layer.dispose();
    super.dispose();
  }
}

registerLayer(TimeDistributed.className, TimeDistributed);
