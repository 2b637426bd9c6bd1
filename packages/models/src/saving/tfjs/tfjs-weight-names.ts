/**
 * The names TF.js gives a model's weights, which is how tfjs-layers matches a manifest to a model:
 * `<layer>/<weight>` (`dense_1/kernel`), the wrapped layer's weights under the wrapper's name for
 * TimeDistributed, `<bidirectional>/forward_<rnn>/kernel` for Bidirectional, and a nested model's layers
 * under their own names.
 */
import { tf, formatShape, ShapeError, type Tensor } from '@strata-ml/core';
import { Bidirectional, TimeDistributed, type Layer, type LayerVariable } from '@strata-ml/layers';
import { Model } from '../../model';
import { CorruptFileError } from '../errors';
import type { DecodedWeight } from './artifacts';

/** A layer that holds variables directly, and the TF.js name prefix of its weights. */
export interface WeightHolder {
  readonly layer: Layer;
  readonly prefix: string;
}

/** Every variable-holding part of `layers`, in model order, with its TF.js prefix. */
export function weightHolders(layers: readonly Layer[]): WeightHolder[] {
  return layers.flatMap((layer): WeightHolder[] => {
    if (layer instanceof Model) return weightHolders(layer.layers);
    if (layer instanceof Bidirectional) {
      return [layer.forwardLayer, layer.backwardLayer].map((inner) => ({ layer: inner, prefix: `${layer.name}/${inner.name}` }));
    }
    if (layer instanceof TimeDistributed) return [{ layer: layer.layer, prefix: layer.name }];
    return layer.weights.length > 0 ? [{ layer, prefix: layer.name }] : [];
  });
}

/** Each variable's TF.js name. */
export function tfjsWeightNames(layers: readonly Layer[]): Map<LayerVariable, string> {
  const names = new Map<LayerVariable, string>();
  for (const { layer, prefix } of weightHolders(layers)) for (const w of layer.weights) names.set(w, `${prefix}/${w.name}`);
  return names;
}

/**
 * Sets every weight of `layers` from the decoded model weights: by exact TF.js name, or else (files the
 * converter made from Keras, whose names carry the cell: `lstm/lstm_cell/kernel`) the weights under the
 * layer's prefix in order. Every count and shape is checked before any weight changes, and a weight of
 * the file that fits no layer is an error, as in tfjs-layers' strict loading.
 */
export function assignTfjsWeights(layers: readonly Layer[], weights: readonly DecodedWeight[], where: string): void {
  const byName = new Map(weights.map((w) => [w.spec.name, w]));
  const used = new Set<DecodedWeight>();
  const plan = weightHolders(layers).map(({ layer, prefix }) => {
    let found = layer.weights.map((w) => byName.get(`${prefix}/${w.name}`));
    if (found.some((f) => f === undefined)) {
      const under = weights.filter((w) => w.spec.name.startsWith(`${prefix}/`) && !used.has(w));
      if (under.length !== layer.weights.length) {
        const missing = layer.weights.find((_, i) => found[i] === undefined) as LayerVariable;
        throw new CorruptFileError(`${where}: layer '${layer.name}' (${layer.className}) needs weight '${prefix}/${missing.name}' ${formatShape(missing.shape)}; the weights manifest has no such weight`);
      }
      found = under;
    }
    layer.weights.forEach((w, i) => {
      const d = found[i] as DecodedWeight;
      if (!tf.util.arraysEqual(d.spec.shape, w.shape)) {
        throw new ShapeError(`${where}: weight '${d.spec.name}' of layer '${layer.name}' (${layer.className}) has shape ${formatShape(w.shape)}; the file holds ${formatShape(d.spec.shape)}`);
      }
      used.add(d);
    });
    return { layer, found: found as DecodedWeight[] };
  });
  const stray = weights.find((w) => !used.has(w));
  if (stray !== undefined) throw new CorruptFileError(`${where}: the file holds weight '${stray.spec.name}', which matches no layer of the model`);
  for (const { layer, found } of plan) {
    const values: Tensor[] = found.map((d) => tf.tensor(d.values, d.spec.shape, 'float32'));
    try {
      layer.setWeights(values);
    } finally {
      values.forEach((v) => v.dispose());
    }
  }
}
