/**
 * A whole model ↔ `.keras` archive bytes: architecture (`config.json`), weights and optimizer state
 * (`model.weights.h5`), and `metadata.json`. The same code reads archives Keras wrote and archives Strata
 * wrote; Strata's are laid out as Keras 3 writes them, so Keras loads them too.
 */
import { defineOptions } from '@strata-ml/core';
import { type Layer, type Shape } from '@strata-ml/layers';
import type { Model } from '../model';
import { Sequential } from '../sequential';
import type { CompileArgs } from '../training/compiled';
import { UnsupportedFeatureError } from './errors';
import { h5Group, type H5Group } from './hdf5-tree';
import { writeKerasArchive } from './keras-archive';
import { lossFromKeras, lossToKeras, metricsFromKeras, optimizerFromKeras, optimizerToKeras } from './keras-compile-config';
import { functionalToKeras } from './keras-functional';
import { isRecord, layerToKeras } from './keras-layer-config';
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

const MODEL_TO_BYTES_OPTIONS = defineOptions<ModelToBytesArgs>('saveModel', { includeOptimizer: true });

/** Options of {@link modelFromBytes}. */
export interface ModelFromBytesArgs extends ReadZipArgs {
  /** Whether to compile the model with the saved loss, optimizer (and its state) and metrics (default true). */
  compile?: boolean;
}

const MODEL_FROM_BYTES_OPTIONS = defineOptions<ModelFromBytesArgs>('loadModel', {
  compile: true,
  maxEntryBytes: true,
  maxEntries: true,
  only: true,
});

/** The model's compile settings in Keras's form: one loss and metric list, or one per output. */
function compiledParts(model: Model): { loss: unknown; lossWeights: number[] | null; metrics: unknown } | null {
  const state = model.compiledState;
  if (state === null) return null;
  const names = (ids: readonly unknown[]): string[] => ids.filter((m): m is string => typeof m === 'string');
  if (state.losses.length === 1) {
    const metrics = names(state.metricIdentifiers);
    return { loss: lossToKeras(state.loss), lossWeights: null, metrics: metrics.length > 0 ? metrics : null };
  }
  const metrics = state.metricIdentifiersPerOutput.map(names);
  return {
    loss: state.losses.map(lossToKeras),
    lossWeights: state.lossWeights.every((w) => w === 1) ? null : state.lossWeights.slice(),
    metrics: metrics.some((m) => m.length > 0) ? metrics : null,
  };
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

/** The Keras 3 `config.json` entry of a Sequential or functional model. */
function modelConfig(model: Model): Record<string, unknown> {
  if (model instanceof Sequential) {
    return { module: 'keras', class_name: 'Sequential', config: sequentialConfig(model), registered_name: null, build_config: { input_shape: model.inputShape } };
  }
  if (model.inputs.length === 0) {
    throw new UnsupportedFeatureError(`saveModel: saving ${model.className} models without inputs and outputs is not supported (Sequential and functional models are)`);
  }
  return { module: 'keras.src.models.functional', class_name: 'Functional', config: functionalToKeras(model), registered_name: 'Functional', build_config: { input_shape: null } };
}

/** Serializes a model as `.keras` archive bytes. */
export function modelToBytes(model: Model, args: ModelToBytesArgs = {}): Uint8Array {
  MODEL_TO_BYTES_OPTIONS.check(args);
  const config = modelConfig(model);
  const weights = layerWeightsTree(model.layers);
  weights.children.set('vars', h5Group());
  const compiled = compiledParts(model);
  const optimizer = model.optimizer;
  if (optimizer !== null && (args.includeOptimizer ?? true) && optimizer.iterations > 0) {
    writeOptimizerState(weights, optimizer, model.trainableWeights.length);
  }
  if (compiled !== null && optimizer !== null) {
    config['compile_config'] = {
      optimizer: optimizerToKeras(optimizer),
      loss: compiled.loss,
      loss_weights: compiled.lossWeights,
      metrics: compiled.metrics,
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

/** Keras's `loss`, `loss_weights` and `metrics`: one for all outputs, a list per output, or a record by output name. */
function compileArgsFromKeras(cc: Record<string, unknown>): Omit<CompileArgs, 'optimizer'> {
  const loss = cc['loss'];
  const perName = (v: unknown): v is Record<string, unknown> => isRecord(v) && typeof v['class_name'] !== 'string';
  const args: Omit<CompileArgs, 'optimizer'> = {
    loss: Array.isArray(loss) ? loss.map(lossFromKeras) : perName(loss) ? Object.fromEntries(Object.entries(loss).map(([k, v]) => [k, lossFromKeras(v)])) : lossFromKeras(loss),
  };
  const weights = cc['loss_weights'];
  if (Array.isArray(weights) || perName(weights)) args.lossWeights = weights as number[] | Record<string, number>;
  const metrics = cc['metrics'];
  if (Array.isArray(metrics) && metrics.some(Array.isArray)) args.metrics = metrics.map(metricsFromKeras);
  else if (perName(metrics)) args.metrics = Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, metricsFromKeras(v)]));
  else args.metrics = metricsFromKeras(metrics);
  return args;
}

function compileFromFile(model: Model, read: ReadModel): void {
  const cc = read.compileConfig;
  if (cc === null) return;
  const optimizer = optimizerFromKeras(cc['optimizer'] ?? cc['optimizer_config']);
  model.compile({ optimizer, ...compileArgsFromKeras(cc) });
  if (read.optimizerVars.length === 0) return;
  if (read.optimizerLayout === 'keras2') restoreLegacyOptimizerState(optimizer, read.optimizerVars);
  else restoreOptimizerState(optimizer, read.optimizerVars, model.trainableWeights.length);
}

/**
 * Rebuilds a model from `.keras` archive bytes or a legacy Keras `.h5` file: a `Sequential`, or a functional
 * `Model` (narrow with `instanceof Sequential` where Sequential's own methods are needed).
 */
export function modelFromBytes(bytes: Uint8Array, args: ModelFromBytesArgs = {}): Model {
  MODEL_FROM_BYTES_OPTIONS.check(args);
  const read = readModel(bytes, args);
  const layers = read.model.layers.map((l) => l.layer);
  try {
    const model = read.functional ?? new Sequential({ name: read.model.name, layers });
    if (args.compile ?? true) compileFromFile(model, read);
    return model;
  } catch (e) {
    layers.forEach((l) => l.dispose());
    throw e;
  }
}
