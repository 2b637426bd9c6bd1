/**
 * A whole model ↔ `.keras` archive bytes: architecture (`config.json`), weights and optimizer state
 * (`model.weights.h5`), and `metadata.json`. The same code reads archives Keras wrote and archives Strata
 * wrote; Strata's are laid out as Keras 3 writes them, so Keras loads them too.
 */
import { type Layer, type Shape } from '@strata/layers';
import type { Model } from '../model';
import { Sequential } from '../sequential';
import { UnsupportedFeatureError } from './errors';
import { h5Group, type H5Group } from './hdf5-tree';
import { writeKerasArchive } from './keras-archive';
import { lossFromKeras, lossToKeras, metricsFromKeras, optimizerFromKeras, optimizerToKeras } from './keras-compile-config';
import { layerToKeras } from './keras-layer-config';
import { readModel, type ReadModel } from './keras-model-reader';
import { writeKerasWeights } from './layer-weights';
import { restoreLegacyOptimizerState, restoreOptimizerState, writeOptimizerState } from './optimizer-state';
import type { ReadZipArgs } from './zip';

/** The Strata version written to `metadata.json`. */
export const STRATA_VERSION = '0.1.0';
/** The Keras format version Strata's archives follow. */
export const KERAS_FORMAT_VERSION = '3.10.0';

/** Options of {@link modelToBytes}. */
export interface ModelToBytesArgs {
  /** Whether to save the optimizer state so that training resumes exactly (default true). */
  includeOptimizer?: boolean;
}

/** Options of {@link modelFromBytes}. */
export interface ModelFromBytesArgs extends ReadZipArgs {
  /** Whether to compile the model with the saved loss, optimizer (and its state) and metrics (default true). */
  compile?: boolean;
}

function asSequential(model: Model, where: string): Sequential {
  if (!(model instanceof Sequential)) {
    throw new UnsupportedFeatureError(`${where}: saving ${model.className} models is not supported yet (Sequential models are)`);
  }
  return model;
}

/** The model's compile settings, read from its compiled state (the loss and the metric identifiers). */
function compiledParts(model: Model): { loss: unknown; metrics: unknown[] } | null {
  const state = model['compiled'];
  if (state === null) return null;
  return { loss: lossToKeras(state.loss), metrics: state['metricIds'].filter((m): m is string => typeof m === 'string') };
}

function sequentialConfig(model: Sequential): Record<string, unknown> {
  const inputShape = model.inputShape;
  const layers: unknown[] = [];
  const declared = model.getConfig()['layers'] as { className: string; config: Record<string, unknown> }[];
  const input = declared[0]?.className === 'InputLayer' ? declared[0].config : null;
  if (inputShape !== null) {
    layers.push({
      module: 'keras.layers',
      class_name: 'InputLayer',
      config: { batch_shape: inputShape, dtype: 'float32', sparse: false, name: (input?.['name'] as string | undefined) ?? 'input_layer' },
      registered_name: null,
    });
  }
  let shape: Shape | null = inputShape;
  for (const layer of model.layers) {
    const entry = layerToKeras(layer, shape);
    // The InputLayer carries the input shape; Keras 3 layers do not take batch_input_shape.
    delete entry.config['batch_input_shape'];
    layers.push(entry);
    shape = shape === null ? null : (layer.computeOutputShape(shape) as Shape);
  }
  return { name: model.name, trainable: model.trainable, dtype: 'float32', layers, build_input_shape: inputShape };
}

function dateSaved(): string {
  const d = new Date().toISOString();
  return `${d.slice(0, 10)}@${d.slice(11, 19)}`;
}

/** The weights of every layer, in the Keras 3 layout. */
export function layerWeightsTree(layers: readonly Layer[], root: H5Group = h5Group()): H5Group {
  writeKerasWeights(root, layers);
  return root;
}

/** Serializes a model as `.keras` archive bytes. */
export function modelToBytes(model: Model, args: ModelToBytesArgs = {}): Uint8Array {
  const sequential = asSequential(model, 'saveModel');
  const weights = layerWeightsTree(sequential.layers);
  weights.children.set('vars', h5Group());
  const compiled = compiledParts(sequential);
  const optimizer = sequential.optimizer;
  if (optimizer !== null && (args.includeOptimizer ?? true) && optimizer.iterations > 0) {
    writeOptimizerState(weights, optimizer, sequential.trainableWeights.length);
  }
  const config: Record<string, unknown> = {
    module: 'keras',
    class_name: 'Sequential',
    config: sequentialConfig(sequential),
    registered_name: null,
    build_config: { input_shape: sequential.inputShape },
  };
  if (compiled !== null && optimizer !== null) {
    config['compile_config'] = {
      optimizer: optimizerToKeras(optimizer),
      loss: compiled.loss,
      loss_weights: null,
      metrics: compiled.metrics.length > 0 ? compiled.metrics : null,
      weighted_metrics: null,
      run_eagerly: false,
      steps_per_execution: 1,
      jit_compile: false,
    };
  }
  return writeKerasArchive({
    config: config as never,
    weights,
    metadata: { keras_version: KERAS_FORMAT_VERSION, strata_version: STRATA_VERSION, date_saved: dateSaved() },
  });
}

function compileFromFile(model: Sequential, read: ReadModel): void {
  const cc = read.compileConfig;
  if (cc === null) return;
  const optimizer = optimizerFromKeras(cc['optimizer'] ?? cc['optimizer_config']);
  model.compile({ optimizer, loss: lossFromKeras(cc['loss']), metrics: metricsFromKeras(cc['metrics']) });
  if (read.optimizerVars.length === 0) return;
  if (read.optimizerLayout === 'keras2') restoreLegacyOptimizerState(optimizer, read.optimizerVars);
  else restoreOptimizerState(optimizer, read.optimizerVars, model.trainableWeights.length);
}

/** Rebuilds a model from `.keras` archive bytes or a legacy Keras `.h5` file. */
export function modelFromBytes(bytes: Uint8Array, args: ModelFromBytesArgs = {}): Sequential {
  const read = readModel(bytes, args);
  const layers = read.model.layers.map((l) => l.layer);
  try {
    const model = new Sequential({ name: read.model.name, layers });
    if (args.compile ?? true) compileFromFile(model, read);
    return model;
  } catch (e) {
    layers.forEach((l) => l.dispose());
    throw e;
  }
}
