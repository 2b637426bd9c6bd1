/**
 * A whole model ↔ TF.js artifacts (what `model.json` and its shards hold, or what TF.js keeps in
 * IndexedDB and localStorage): the topology, the weights by TF.js name, and, when the model is compiled,
 * the training config with the optimizer's state. Stock tfjs-layers loads what Strata writes, and Strata
 * loads what tfjs-layers (or the TF.js converter) writes, safely: no code runs, sizes are bounded, and
 * every mismatch is a named error.
 */
import { defineOptions } from '@strata-ml/core';
import type { Model } from '../../model';
import { asCorrupt } from '../errors';
import { isRecord } from '../keras-layer-config';
import { decodeArtifacts, encodeWeights, tfjsLimits, type TfjsArtifacts, type TfjsReadArgs, type TfjsWeightSpec } from './artifacts';
import { modelFromTfjsTopology, modelToTfjsTopology } from './tfjs-topology';
import { compileFromTfjs, trainingToTfjs } from './tfjs-training';
import { assignTfjsWeights, tfjsWeightNames } from './tfjs-weight-names';

/** The tfjs-layers version whose format Strata writes. */
export const TFJS_FORMAT_VERSION = '4.22.0';

/** Options of {@link modelToTfjs}. */
export interface ModelToTfjsArgs {
  /** Whether to save the training config and the optimizer state (default true; TF.js's `includeOptimizer`). */
  includeOptimizer?: boolean;
}

/** Options of {@link modelFromTfjs}. */
export interface ModelFromTfjsArgs extends TfjsReadArgs {
  /** Whether to compile the model from its training config and restore the optimizer (default true). */
  compile?: boolean;
}

const MODEL_TO_TFJS_OPTIONS = defineOptions<ModelToTfjsArgs>('modelToTfjs', { includeOptimizer: true });
const MODEL_FROM_TFJS_OPTIONS = defineOptions<ModelFromTfjsArgs>('modelFromTfjs', { compile: true, maxJsonBytes: true, maxWeightBytes: true, maxWeights: true });

/** The TF.js artifacts of a Sequential or functional model. */
export function modelToTfjs(model: Model, options: ModelToTfjsArgs = {}): TfjsArtifacts {
  const args = MODEL_TO_TFJS_OPTIONS.check(options);
  const where = `saveModel (TF.js format): ${model.className} '${model.name}'`;
  const topology = modelToTfjsTopology(model, where);
  const names = tfjsWeightNames(model.layers);
  const weights: { spec: TfjsWeightSpec; values: ArrayLike<number> }[] = model.weights.map((w) => ({
    spec: { name: names.get(w) ?? w.name, shape: w.shape.slice(), dtype: 'float32' },
    values: w.variable.dataSync() as Float32Array,
  }));
  const training = (args.includeOptimizer ?? true) ? trainingToTfjs(model, names, where) : null;
  if (training !== null) weights.push(...training.weights);
  return {
    modelTopology: { ...topology, keras_version: `tfjs-layers ${TFJS_FORMAT_VERSION}`, backend: 'tensor_flow.js' },
    format: 'layers-model',
    generatedBy: `Strata (TF.js layers format ${TFJS_FORMAT_VERSION})`,
    convertedBy: null,
    ...(training !== null ? { trainingConfig: training.trainingConfig } : {}),
    weightSpecs: weights.map((w) => w.spec),
    weightData: encodeWeights(weights).buffer as ArrayBuffer,
  };
}

/**
 * Rebuilds a model from TF.js artifacts: a `Sequential` or a functional `Model` with the file's weights,
 * compiled from the training config (and its optimizer restored) when the file has one and `compile`
 * is not false.
 */
export function modelFromTfjs(artifacts: TfjsArtifacts, options: ModelFromTfjsArgs = {}): Model {
  const args = MODEL_FROM_TFJS_OPTIONS.check(options);
  const where = 'loadModel (TF.js format)';
  const limits = tfjsLimits(args);
  const decoded = decodeArtifacts(artifacts, limits);
  // A converted Keras model may nest the model config under model_config (with its training_config).
  const raw = artifacts.modelTopology;
  const topology = isRecord(raw['model_config']) ? raw['model_config'] : raw;
  const trainingConfig = artifacts.trainingConfig ?? (isRecord(raw['training_config']) ? raw['training_config'] : undefined);
  const modelWeights = decoded.filter((w) => w.spec.group !== 'optimizer');
  const budget = { bytes: modelWeights.reduce((n, w) => n + 4 * w.values.length, 0) };
  let model: Model;
  try {
    model = modelFromTfjsTopology(topology, where, budget);
  } catch (e) {
    throw asCorrupt(where, e);
  }
  try {
    assignTfjsWeights(model.layers, modelWeights, where);
    if ((args.compile ?? true) && isRecord(trainingConfig)) {
      compileFromTfjs(model, trainingConfig, decoded.filter((w) => w.spec.group === 'optimizer'), where);
    }
    return model;
  } catch (e) {
    model.dispose();
    throw asCorrupt(where, e);
  }
}
