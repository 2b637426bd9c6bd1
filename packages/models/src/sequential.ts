import { Tensor, ValueError, invalidArgument } from '@strata-ml/core';
import {
  InputLayer, Layer, deserializeLayer, registerLayer, serializeLayer, type CallArgs, type LayerArgs, type Shape,
} from '@strata-ml/layers';
import type { SerializedObject } from '@strata-ml/layers';
import { firstMask, outputMask } from './masking';
import { Model, type PredictArgs } from './model';
import { SEQUENTIAL_OPTIONS } from './training/call-options';
import type { ModelData } from './training/standardize';
import type { SummaryRow } from './summary';

/** Arguments of {@link Sequential}. */
export interface SequentialArgs extends Pick<LayerArgs, 'name' | 'trainable'> {
  /** Layers to add, in order. */
  layers?: Layer[];
}

/**
 * A plain stack of layers, each feeding the next (Keras's `Sequential`). The first layer (or an
 * `InputLayer`) declares the input shape; the model is built as soon as it is known.
 *
 * ```ts
 * const model = new Sequential();
 * model.add(new Dense(256, { inputDim: 784 }));
 * model.add(new Activation('relu'));
 * ```
 */
export class Sequential extends Model {
  static override readonly className: string = 'Sequential';
  private readonly stack: Layer[] = [];
  private inputLayer: InputLayer | null = null;
  private buildShape: Shape | null = null;

  constructor(args: SequentialArgs = {}) {
    SEQUENTIAL_OPTIONS.check(args);
    super({ ...(args.name !== undefined ? { name: args.name } : {}), ...(args.trainable !== undefined ? { trainable: args.trainable } : {}) });
    for (const layer of args.layers ?? []) this.add(layer);
  }

  /** The layers, in order (an `InputLayer` is not listed, as in Keras). */
  override get layers(): Layer[] {
    return this.stack.slice();
  }

  /** The input shape the model declares or was built with, batch axis included. */
  get inputShape(): Shape | null {
    const first = this.stack[0];
    // A nested Sequential declares its shape through its own first layer.
    const fromFirst = first instanceof Sequential ? first.inputShape : (first?.batchInputShape ?? null);
    return this.buildShape ?? this.inputLayer?.batchInputShape ?? fromFirst;
  }

  /** The input's name: the InputLayer's, or as Keras names the implicit one, `<first layer>_input`. */
  override get inputNames(): string[] {
    return [this.inputLayer?.name ?? `${this.stack[0]?.name ?? this.name}_input`];
  }

  /** The output's name: the last layer's. */
  override get outputNames(): string[] {
    return [this.stack[this.stack.length - 1]?.name ?? 'output'];
  }

  /** The model's output for `x`, computed in batches in inference mode. The caller owns the result. */
  override async predict(x: ModelData, args: PredictArgs = {}): Promise<Tensor> {
    return (await super.predict(x, args)) as Tensor;
  }

  /** The model's output for one batch, in inference mode. The caller owns the result. */
  override predictOnBatch(x: ModelData): Tensor {
    return super.predictOnBatch(x) as Tensor;
  }

  /** Appends a layer. Layer names must be unique within the model. */
  add(layer: Layer): void {
    if (!(layer instanceof Layer)) throw invalidArgument(`Sequential '${this.name}'.add`, 'layer', 'a Layer', layer);
    if (layer instanceof InputLayer) {
      if (this.stack.length > 0 || this.inputLayer) {
        throw new ValueError(`Sequential '${this.name}'.add: an InputLayer can only be the first layer`);
      }
      this.inputLayer = layer;
      this.build(layer.batchInputShape as Shape);
      return;
    }
    if (this.stack.some((l) => l.name === layer.name)) {
      throw new ValueError(
        `Sequential '${this.name}'.add: all layers must have unique names; '${layer.name}' is already the name of a layer in this model`,
      );
    }
    this.stack.push(layer);
    const shape = this.inputShape;
    if (shape !== null) this.build(shape);
  }

  /** Removes and returns the last layer. */
  pop(): Layer {
    const layer = this.stack.pop();
    if (layer === undefined) throw new ValueError(`Sequential '${this.name}'.pop: there are no layers in the model`);
    return layer;
  }

  /** Builds every layer in turn from `inputShape` (batch axis included; default the declared one). */
  override build(inputShape?: Shape | Shape[]): void {
    const given = inputShape ?? this.inputShape;
    if (given == null) {
      throw new ValueError(
        `Sequential '${this.name}'.build: the input shape is unknown; give the first layer inputShape (or inputDim), add an InputLayer, or pass build(inputShape)`,
      );
    }
    let shape: Shape | Shape[] = [null, ...(given as Shape).slice(1)];
    this.buildShape = shape as Shape;
    for (const layer of this.stack) {
      if (!layer.built) {
        layer.build(shape);
        layer.built = true;
      }
      shape = layer.computeOutputShape(shape);
    }
    super.build(this.buildShape);
  }

  /** Runs the layers in turn, handing each the mask the previous one computed (Embedding's `maskZero`, as Keras). */
  override call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor | Tensor[] {
    let x = inputs;
    const { mask: given, ...rest } = kwargs;
    let mask = given ?? null;
    for (const layer of this.stack) {
      const input = x;
      x = layer.apply(input as Tensor, mask === null ? rest : { ...rest, mask });
      mask = firstMask(outputMask(layer, input, mask));
    }
    return x;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    let shape = inputShape;
    for (const layer of this.stack) shape = layer.computeOutputShape(shape);
    return shape;
  }

  protected override summaryRows(): SummaryRow[] {
    let shape: Shape | Shape[] = this.inputShape ?? [];
    return this.stack.map((layer) => {
      shape = layer.computeOutputShape(shape);
      return { name: layer.name, className: layer.className, outputShape: shape, params: layer.built ? layer.countParams() : 0 };
    });
  }

  override getConfig(): Record<string, unknown> {
    const layers: SerializedObject[] = [];
    if (this.inputLayer) layers.push(serializeLayer(this.inputLayer));
    layers.push(...this.stack.map(serializeLayer));
    return { name: this.name, trainable: this.trainable, layers };
  }

  static override fromConfig(config: Record<string, unknown>): Sequential {
    const model = new Sequential({ name: config['name'] as string, trainable: (config['trainable'] as boolean | undefined) ?? true });
    for (const layer of (config['layers'] as SerializedObject[] | undefined) ?? []) model.add(deserializeLayer(layer));
    return model;
  }
}

registerLayer('Sequential', Sequential);
