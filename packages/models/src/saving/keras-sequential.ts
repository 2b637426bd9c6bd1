/**
 * Reads the layer list of a Keras `Sequential` config and builds the layers for their input shapes, so the
 * weights can be assigned; a Keras 2 file without `build_config` is built by propagating shapes from its
 * input layer.
 */
import { ValueError, formatShape, formatValue } from '@strata-ml/core';
import { InputLayer, type Layer, type Shape } from '@strata-ml/layers';
import { CorruptFileError } from './errors';
import { layerFromKeras, type LoadedLayer } from './keras-layer-config';
import type { KerasObject } from './keras-layer-config';

/** A Keras Sequential model as a list of built Strata layers. */
export interface LoadedSequential {
  /** The model's name. */
  readonly name: string;
  /** Every layer, the input layer first when the file has one. */
  readonly layers: LoadedLayer[];
  /** The batch input shape, when known. */
  readonly inputShape: Shape | null;
}

/**
 * Rebuilds and builds the layers of a Keras `Sequential` config. `weightBytes` bounds the weights the
 * layers may create: every weight must come from the file, so a config asking for more than the file
 * holds is hostile or broken, and is rejected before anything that large is allocated.
 */
export function sequentialFromKeras(model: KerasObject, weightBytes = Number.POSITIVE_INFINITY): LoadedSequential {
  const where = `loadModel: Sequential '${String(model.config['name'] ?? '?')}'`;
  const raw = model.config['layers'];
  if (!Array.isArray(raw)) throw new CorruptFileError(`${where}: config.layers must be a list; received ${formatValue(raw)}`);
  const layers: LoadedLayer[] = [];
  try {
    for (const entry of raw) layers.push(layerFromKeras(entry));
    const first = layers[0]?.layer;
    const declared = model.config['build_input_shape'] ?? model.build_config?.input_shape ?? null;
    let shape: Shape | null = first?.batchInputShape ?? (Array.isArray(declared) ? (declared as Shape) : null);
    const inputShape = shape;
    const budget = { bytes: weightBytes };
    for (const { layer, buildShape } of layers) {
      shape = buildLayer(layer, buildShape ?? shape, where, budget);
    }
    return { name: String(model.config['name'] ?? 'sequential'), layers, inputShape };
  } catch (e) {
    for (const { layer } of layers) layer.dispose();
    throw e;
  }
}

function buildLayer(layer: Layer, shape: Shape | null, where: string, budget: { bytes: number }): Shape | null {
  if (layer instanceof InputLayer) return layer.batchInputShape;
  if (shape === null) {
    if (layer.built) return null;
    throw new ValueError(`${where}: cannot tell the input shape of layer '${layer.name}' (no InputLayer, batch_input_shape or build_config)`);
  }
  if (!layer.built) {
    buildWithinBudget(layer, shape, where, budget);
    layer.built = true;
  }
  return layer.computeOutputShape(shape) as Shape;
}

/**
 * Builds `layer` for `shape`, checking each weight's size against what the file still holds (`budget.bytes`,
 * reduced as weights are made), so a config asking for more weights than the file has fails before allocating.
 */
export function buildWithinBudget(layer: Layer, shape: Shape | Shape[], where: string, budget: { bytes: number }): void {
  // Checks each weight's size before the layer allocates it (an own property shadows the method while building).
  const addWeight = layer.addWeight.bind(layer);
  layer.addWeight = (args) => {
    const bytes = args.shape.reduce((p, d) => p * d, 1) * 4;
    if (bytes > budget.bytes) {
      throw new CorruptFileError(
        `${where}: layer '${layer.name}' would create weight '${args.name}' of shape ${formatShape(args.shape)} (${bytes} bytes), more than the file holds`,
      );
    }
    budget.bytes -= bytes;
    return addWeight(args);
  };
  try {
    layer.build(shape);
  } finally {
    delete (layer as { addWeight?: unknown }).addWeight;
  }
}
