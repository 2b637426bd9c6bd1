/**
 * Weights-only files: `saveWeights` writes the Keras 3 `.weights.h5` layout (`layers/<name>/vars/<i>`);
 * `loadWeights` reads that layout, a legacy Keras `.h5` (`model_weights/<name>` with `weight_names`), or
 * the weights inside a `.keras` archive, matching layers by name.
 */
import { RuntimeError, ValueError } from '@strata-ml/core';
import type { Layer } from '@strata-ml/layers';
import type { Model } from '../model';
import { CorruptFileError } from './errors';
import { readHdf5 } from './hdf5-reader';
import type { H5Dataset, H5Group } from './hdf5-tree';
import { writeHdf5 } from './hdf5-writer';
import { looksLikeZip, readKerasArchive } from './keras-archive';
import { assignWeights, checkWeights, kerasLayerKeys, kerasLayerPlan, legacyLayerVars } from './layer-weights';
import { checkNoStrayWeights } from './keras-model-reader';
import { looksLikeHdf5 } from './legacy-h5';
import { layerWeightsTree } from './model-archive';

/** The model's layer weights as `.weights.h5` bytes. */
export function weightsToBytes(model: Model): Uint8Array {
  if (!model.built) throw new RuntimeError(`saveWeights: model '${model.name}' is not built yet, so it has no weights`);
  return writeHdf5(layerWeightsTree(model.layers));
}

type Layout = { kind: 'keras'; root: H5Group } | { kind: 'legacy'; root: H5Group };

function layoutOf(bytes: Uint8Array): Layout {
  if (looksLikeZip(bytes)) return { kind: 'keras', root: readKerasArchive(bytes).weights };
  if (!looksLikeHdf5(bytes)) throw new CorruptFileError('loadWeights: not an HDF5 weights file or a .keras archive');
  const root = readHdf5(bytes);
  if (root.children.get('layers')?.kind === 'group') return { kind: 'keras', root };
  const legacy = root.children.get('model_weights');
  if (legacy?.kind === 'group') return { kind: 'legacy', root: legacy };
  if (root.attrs.has('layer_names')) return { kind: 'legacy', root };
  throw new CorruptFileError('loadWeights: the file holds neither a layers/ group (Keras 3) nor layer_names (legacy Keras)');
}

function fileLayerNames(layout: Layout): string[] {
  if (layout.kind === 'legacy') {
    const names = layout.root.attrs.get('layer_names');
    return Array.isArray(names) ? names.map(String) : [...layout.root.children.keys()];
  }
  const layers = layout.root.children.get('layers');
  return layers?.kind === 'group' ? [...layers.children.keys()] : [];
}

/** Loads weights into `model` by layer name; checks every layer before changing any. */
export function weightsFromBytes(model: Model, bytes: Uint8Array): void {
  if (!model.built) throw new RuntimeError(`loadWeights: build model '${model.name}' first (call it on data or give it an input shape)`);
  assignByName(model, layoutOf(bytes));
}

/** Loads weights held in a Keras 3 layout tree (`layers/<name>/vars/<i>`) into `model` by layer name. */
export function weightsFromTree(model: Model, root: H5Group): void {
  assignByName(model, { kind: 'keras', root });
}

function assignByName(model: Model, layout: Layout): void {
  const keys = layout.kind === 'keras' ? kerasLayerKeys(model.layers) : model.layers.map((l) => l.name);
  const plan: [Layer, H5Dataset[]][] = model.layers.flatMap((layer, i) => {
    const key = keys[i] as string;
    const parts: [Layer, H5Dataset[]][] =
      layout.kind === 'keras' ? kerasLayerPlan(layout.root, layer, key, 'loadWeights') : [[layer, legacyLayerVars(layout.root, key, 'loadWeights')]];
    if (layer.weights.length > 0 && parts.every(([, vars]) => vars.length === 0)) {
      throw new ValueError(`loadWeights: the file has no weights for layer '${layer.name}' (${layer.className}, stored as '${key}'); it has ${fileLayerNames(layout).join(', ')}`);
    }
    for (const [holder, vars] of parts) checkWeights(holder, vars, 'loadWeights');
    return parts;
  });
  if (layout.kind === 'keras') checkNoStrayWeights(layout.root, keys, 'loadWeights');
  else {
    const known = new Set(keys);
    const stray = fileLayerNames(layout).filter((n) => !known.has(n) && legacyLayerVars(layout.root, n, 'loadWeights').length > 0);
    if (stray.length > 0) throw new ValueError(`loadWeights: the file has weights for layers the model lacks: ${stray.join(', ')}`);
  }
  for (const [holder, vars] of plan) assignWeights(holder, vars, 'loadWeights');
}
