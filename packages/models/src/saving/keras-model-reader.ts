/**
 * Reads a model file of either Keras format from memory — a `.keras` archive (Keras 3 or Strata) or a
 * legacy Keras `.h5` — into built Strata layers holding the file's weights, plus what is needed to restore
 * training (the compile config and the optimizer variables).
 */
import { formatValue } from '@strata-ml/core';
import { InputLayer } from '@strata-ml/layers';
import { CorruptFileError, UnsupportedFeatureError } from './errors';
import type { H5Dataset, H5Group } from './hdf5-tree';
import { h5Get } from './hdf5-tree';
import { looksLikeZip, readKerasArchive } from './keras-archive';
import { isRecord, type KerasObject } from './keras-layer-config';
import type { Model } from '../model';
import { functionalFromKeras } from './keras-functional';
import { sequentialFromKeras, type LoadedSequential } from './keras-sequential';
import { assignWeights, kerasLayerKeys, legacyLayerVars, loadKerasLayer, numberedDatasets } from './layer-weights';
import { looksLikeHdf5, readLegacyH5 } from './legacy-h5';
import type { ReadZipArgs } from './zip';

/** A model file, read and turned into built layers with their weights set. */
export interface ReadModel {
  /** Which format the bytes were in. */
  readonly format: 'keras' | 'h5';
  /** The model's architecture: its name and built layers (for a functional model, those other than inputs). */
  readonly model: LoadedSequential;
  /** The rebuilt model when the file holds a functional model; null for a Sequential. */
  readonly functional: Model | null;
  /** Keras's `compile_config` (`.keras`) or `training_config` (`.h5`), if present. */
  readonly compileConfig: Record<string, unknown> | null;
  /** The saved optimizer variables, in order; empty when none were saved. */
  readonly optimizerVars: H5Dataset[];
  /** How they are laid out: Keras 3 (`optimizer/vars`: iterations, learning rate, slots) or Keras 2 (iterations, slots). */
  readonly optimizerLayout: 'keras3' | 'keras2';
  /** The archive's `metadata.json` (empty for `.h5`). */
  readonly metadata: Record<string, unknown>;
}

function modelLayers(config: KerasObject, weightBytes: number): { model: LoadedSequential; functional: Model | null } {
  if (config.class_name === 'Sequential') return { model: sequentialFromKeras(config, weightBytes), functional: null };
  if (config.class_name === 'Functional') {
    const loaded = functionalFromKeras(config);
    return { model: { name: loaded.model.name, layers: loaded.layers, inputShape: null }, functional: loaded.model };
  }
  throw new UnsupportedFeatureError(`loadModel: model class '${config.class_name}' is not supported yet (Sequential and Functional models are)`);
}

/** Every `layers/<key>` group that holds variables must belong to a layer of the model. */
export function checkNoStrayWeights(weights: H5Group, keys: readonly string[], where: string): void {
  const group = h5Get(weights, 'layers');
  if (group === undefined || group.kind !== 'group') return;
  const known = new Set(keys);
  for (const [key, node] of group.children) {
    const hasVars = node.kind === 'group' && [...node.children.values()].some((c) => c.kind === 'group' && c.children.size > 0);
    if (hasVars && !known.has(key)) throw new CorruptFileError(`${where}: the weights file holds variables under layers/${key}, which matches no layer of the model`);
  }
}

/** Parses model bytes of either format. Layers are disposed again if anything fails. */
export function readModel(bytes: Uint8Array, limits: ReadZipArgs = {}): ReadModel {
  if (looksLikeZip(bytes)) {
    const archive = readKerasArchive(bytes, limits);
    const { model, functional } = modelLayers(archive.config, archive.weightBytes ?? 0);
    try {
      // The input layer holds no variables and is not numbered among the model's layers.
      const layers = model.layers.map((l) => l.layer).filter((l) => !(l instanceof InputLayer));
      const keys = kerasLayerKeys(layers);
      checkNoStrayWeights(archive.weights, keys, 'loadModel');
      layers.forEach((layer, i) => loadKerasLayer(archive.weights, layer, keys[i] as string, 'loadModel'));
      const optimizer = h5Get(archive.weights, 'optimizer/vars');
      const compile = archive.config['compile_config'];
      return {
        format: 'keras',
        model,
        functional,
        compileConfig: isRecord(compile) ? compile : null,
        optimizerVars: optimizer?.kind === 'group' ? numberedDatasets(optimizer, 'loadModel: optimizer/vars') : [],
        optimizerLayout: 'keras3',
        metadata: archive.metadata,
      };
    } catch (e) {
      model.layers.forEach((l) => l.layer.dispose());
      throw e;
    }
  }
  if (looksLikeHdf5(bytes)) {
    const legacy = readLegacyH5(bytes);
    const { model, functional } = modelLayers(legacy.config, bytes.length);
    try {
      for (const { layer } of model.layers) assignWeights(layer, legacyLayerVars(legacy.weights, layer.name, 'loadModel'), 'loadModel');
      return { format: 'h5', model, functional, compileConfig: legacy.trainingConfig, optimizerVars: legacy.optimizerVars, optimizerLayout: 'keras2', metadata: {} };
    } catch (e) {
      model.layers.forEach((l) => l.layer.dispose());
      throw e;
    }
  }
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new CorruptFileError(`loadModel: not a .keras archive or a Keras HDF5 file (first bytes ${formatValue(head)})`);
}
