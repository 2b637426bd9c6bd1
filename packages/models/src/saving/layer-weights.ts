/**
 * Moves layer weights between Strata layers and HDF5 trees, in both places Keras keeps them: the Keras 3
 * layout (`layers/<name>/vars/<i>`, or `layers/<name>/cell/vars/<i>` for recurrent layers) and the legacy
 * Keras 2 layout (`model_weights/<name>/<weight_names[i]>`). Counts and shapes are checked before any
 * weight is touched, and errors name the layer, the weight and both shapes.
 */
import { tf, formatShape, ShapeError, ValueError, type Tensor } from '@strata-ml/core';
import type { Layer } from '@strata-ml/layers';
import { CorruptFileError } from './errors';
import { ensureGroup, h5Dataset, h5Get, type H5Dataset, type H5Group } from './hdf5-tree';
import { kerasClassOf } from './keras-layers';

/** The datasets of a group named `0`, `1`, … in numeric order (HDF5 lists them as `0, 1, 10, 11, 2, …`). */
export function numberedDatasets(group: H5Group, where: string): H5Dataset[] {
  const entries = [...group.children.entries()];
  entries.forEach(([key, node]) => {
    if (!/^(0|[1-9]\d*)$/.test(key) || node.kind !== 'dataset') {
      throw new CorruptFileError(`${where}: expected datasets named 0, 1, …; found ${node.kind} ${JSON.stringify(key)}`);
    }
  });
  entries.sort(([a], [b]) => Number(a) - Number(b));
  entries.forEach(([key], i) => {
    if (Number(key) !== i) throw new CorruptFileError(`${where}: variable ${i} is missing (found ${entries.map(([k]) => k).join(', ')})`);
  });
  return entries.map(([, node]) => node as H5Dataset);
}

/** Checks that `datasets` fit `layer`'s weights: the same number, each of the same shape. */
export function checkWeights(layer: Layer, datasets: readonly H5Dataset[], where: string): void {
  const weights = layer.weights;
  if (datasets.length !== weights.length) {
    throw new ValueError(`${where}: layer '${layer.name}' (${layer.className}) has ${weights.length} weights; the file holds ${datasets.length}`);
  }
  datasets.forEach((ds, i) => {
    const w = weights[i];
    if (w === undefined || !tf.util.arraysEqual([...ds.shape], w.shape)) {
      throw new ShapeError(
        `${where}: weight '${w?.name}' of layer '${layer.name}' (${layer.className}) has shape ${formatShape(w?.shape ?? [])}; the file holds ${formatShape(ds.shape)}`,
      );
    }
  });
}

/** Sets `layer`'s weights from datasets, after checking their number and every shape. */
export function assignWeights(layer: Layer, datasets: readonly H5Dataset[], where: string): void {
  checkWeights(layer, datasets, where);
  const values: Tensor[] = datasets.map((ds) => tf.tensor(Float32Array.from(ds.data), [...ds.shape], 'float32'));
  try {
    layer.setWeights(values);
  } finally {
    values.forEach((v) => v.dispose());
  }
}

/** Keras's snake_case of a class name: `MaxPooling2D` → `max_pooling2d`, `GRU` → `gru`. */
export function kerasSnakeCase(className: string): string {
  return className
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * The keys under `layers/` where Keras 3 keeps each layer's variables: the Keras class name in snake case,
 * numbered within the model (`dense`, `dense_1`, `dropout`, …). Keras deliberately does not use layer
 * names, which differ between two instances of the same model; neither does Strata.
 */
export function kerasLayerKeys(layers: readonly Layer[]): string[] {
  const used = new Map<string, number>();
  return layers.map((layer) => {
    const base = kerasSnakeCase(kerasClassOf(layer.className)?.[0] ?? layer.className);
    const count = used.get(base);
    used.set(base, (count ?? -1) + 1);
    return count === undefined ? base : `${base}_${count + 1}`;
  });
}

/**
 * Where a layer's variables sit below its key: `vars`, `cell/vars` for recurrent layers, and for wrappers
 * the folders of the wrapped layers (`forward_layer/cell/vars`, …), each with the layer holding them.
 */
export function varGroups(layer: Layer, prefix = ''): [string, Layer][] {
  const spec = kerasClassOf(layer.className)?.[1];
  const at = (path: string): string => (prefix === '' ? path : `${prefix}/${path}`);
  if (spec?.children) return spec.children(layer).flatMap(([path, child]) => varGroups(child, at(path)));
  return [[at(spec?.vars ?? 'vars'), layer]];
}

/** The Keras 3 variables under `layers/<key>/<varsPath>`, or none when the group is absent. */
export function kerasLayerVars(root: H5Group, key: string, varsPath: string, where: string): H5Dataset[] {
  const node = h5Get(root, `layers/${key}/${varsPath}`);
  if (node === undefined) return [];
  if (node.kind !== 'group') throw new CorruptFileError(`${where}: layers/${key}/${varsPath} is not a group`);
  return numberedDatasets(node, `${where}: layers/${key}/${varsPath}`);
}

/** Writes the weights of every layer in the Keras 3 layout (`layers/<key>/vars/<i>`). */
export function writeKerasWeights(root: H5Group, layers: readonly Layer[]): void {
  kerasLayerKeys(layers).forEach((key, i) => writeKerasLayerVars(root, layers[i] as Layer, key));
}

function writeKerasLayerVars(root: H5Group, layer: Layer, key: string): void {
  for (const [path, holder] of varGroups(layer)) writeVars(ensureGroup(root, `layers/${key}/${path}`), holder);
}

/** Reads the variables of `layer` stored under `layers/<key>` and sets them, checking counts and shapes first. */
export function loadKerasLayer(root: H5Group, layer: Layer, key: string, where: string): void {
  const plan = kerasLayerPlan(root, layer, key, where);
  for (const [holder, vars] of plan) assignWeights(holder, vars, where);
}

/** The datasets for each variable-holding part of `layer`, checked against it. */
export function kerasLayerPlan(root: H5Group, layer: Layer, key: string, where: string): [Layer, H5Dataset[]][] {
  return varGroups(layer).map(([path, holder]) => {
    const vars = kerasLayerVars(root, key, path, where);
    checkWeights(holder, vars, where);
    return [holder, vars];
  });
}

function writeVars(group: H5Group, layer: Layer): void {
  layer.weights.forEach((w, i) => {
    const data = w.variable.dataSync() as Float32Array;
    group.children.set(String(i), h5Dataset('float32', w.shape, Float32Array.from(data)));
  });
}

/** The legacy (Keras 2 `.h5`) variables of layer `name`, found through its `weight_names` attribute. */
export function legacyLayerVars(weightsRoot: H5Group, name: string, where: string): H5Dataset[] {
  const group = weightsRoot.children.get(name);
  if (group === undefined) return [];
  if (group.kind !== 'group') throw new CorruptFileError(`${where}: model_weights/${name} is not a group`);
  const names = group.attrs.get('weight_names') ?? [];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw new CorruptFileError(`${where}: model_weights/${name} has a malformed weight_names attribute`);
  }
  return (names as string[]).map((n) => {
    const ds = h5Get(group, n);
    if (ds === undefined || ds.kind !== 'dataset') throw new CorruptFileError(`${where}: weight ${JSON.stringify(n)} of layer '${name}' is missing`);
    return ds;
  });
}
