/**
 * A model's architecture ↔ TF.js's `modelTopology`: `Sequential` (`config.layers`, the first layer
 * carrying `batch_input_shape`) and functional `Model` in Keras 2's graph format (`inbound_nodes` as
 * `[[layer, node, tensor, kwargs], …]`, `input_layers` / `output_layers`). Nested models are layers whose
 * config is a whole model; as in Keras 2 and TF.js, a nested model's calls are numbered from 1, since
 * the model's own graph is its call 0.
 */
import { formatValue } from '@strata-ml/core';
import { Input, InputLayer, inputLayerOf, type Layer, type Node, type Shape, type SymbolicTensor } from '@strata-ml/layers';
import { FunctionalGraph } from '../../functional-graph';
import { Model } from '../../model';
import { Sequential } from '../../sequential';
import { CorruptFileError, UnsupportedFeatureError } from '../errors';
import { asKerasObject, isRecord, type KerasObject } from '../keras-layer-config';
import { buildWithinBudget } from '../keras-sequential';
import { layerFromTfjs, layerToTfjs } from './tfjs-layer-config';

/** A tensor reference in a TF.js graph: `[layer name, call index, output index]`. */
type Ref = [string, number, number];

const MODEL_CLASSES: ReadonlySet<string> = new Set(['Sequential', 'Model', 'Functional']);

/** What the reader may still allocate: the weight bytes the file holds. */
interface Budget {
  bytes: number;
}

/** Rebuilds the model a TF.js topology describes, its layers built and holding fresh weights. */
export function modelFromTfjsTopology(value: unknown, where: string, budget: Budget): Model {
  const obj = asKerasObject(value, where);
  if (obj.class_name === 'Sequential') return sequentialFromTfjs(obj, where, budget);
  if (obj.class_name === 'Model' || obj.class_name === 'Functional') return functionalFromTfjs(obj, where, budget);
  throw new UnsupportedFeatureError(`${where}: model class '${obj.class_name}' is not supported (Sequential and functional models are)`);
}

function layerOrModel(entry: unknown, where: string, budget: Budget): Layer {
  const obj = asKerasObject(entry, where);
  return MODEL_CLASSES.has(obj.class_name) ? modelFromTfjsTopology(obj, where, budget) : layerFromTfjs(obj, where).layer;
}

function sequentialFromTfjs(obj: KerasObject, where: string, budget: Budget): Sequential {
  const name = typeof obj.config['name'] === 'string' ? obj.config['name'] : undefined;
  const label = `${where}: Sequential '${name ?? '?'}'`;
  // Keras 2.0 wrote a Sequential's config as the bare list of layers.
  const raw = Array.isArray(obj['config']) ? (obj['config'] as unknown[]) : obj.config['layers'];
  if (!Array.isArray(raw)) throw new CorruptFileError(`${label}: config.layers must be a list; received ${formatValue(raw)}`);
  const layers: Layer[] = [];
  try {
    let shape: Shape | null = null;
    for (const entry of raw) {
      const layer = layerOrModel(entry, label, budget);
      layers.push(layer);
      if (layer instanceof InputLayer) {
        shape = layer.batchInputShape;
        continue;
      }
      const input = shape ?? (layer instanceof Sequential ? layer.inputShape : layer.batchInputShape) ?? null;
      if (input === null) throw new CorruptFileError(`${label}: cannot tell the input shape of layer '${layer.name}' (no batch_input_shape)`);
      if (!layer.built) {
        buildWithinBudget(layer, input, label, budget);
        layer.built = true;
      }
      shape = layer.computeOutputShape(input) as Shape;
    }
    return new Sequential({ ...(name !== undefined ? { name } : {}), layers });
  } catch (e) {
    layers.forEach((l) => l.dispose());
    throw e;
  }
}

function asRef(value: unknown, where: string): Ref {
  if (!Array.isArray(value) || value.length < 3 || typeof value[0] !== 'string' || !Number.isInteger(value[1]) || !Number.isInteger(value[2])) {
    throw new CorruptFileError(`${where}: expected a tensor reference [layer, node, tensor]; received ${formatValue(value)}`);
  }
  return [value[0], value[1] as number, value[2] as number];
}

function refList(value: unknown, where: string): Ref[] {
  if (Array.isArray(value) && typeof value[0] === 'string') return [asRef(value, where)];
  if (!Array.isArray(value) || value.length === 0) throw new CorruptFileError(`${where}: expected a list of tensor references; received ${formatValue(value)}`);
  return value.map((v) => asRef(v, where));
}

function inputFromTfjs(obj: KerasObject, where: string): SymbolicTensor {
  const shape = obj.config['batch_input_shape'] ?? obj.config['batch_shape'];
  if (!Array.isArray(shape) || shape.length === 0) throw new CorruptFileError(`${where}: InputLayer without batch_input_shape; received ${formatValue(shape)}`);
  if (obj.config['sparse'] === true) throw new UnsupportedFeatureError(`${where}: sparse inputs are not supported`);
  const [batch, ...rest] = shape as Shape;
  const name = typeof obj.config['name'] === 'string' ? obj.config['name'] : undefined;
  return Input({ shape: rest, ...(batch != null ? { batchSize: batch } : {}), ...(name !== undefined ? { name } : {}) });
}

function functionalFromTfjs(obj: KerasObject, where: string, budget: Budget): Model {
  const name = typeof obj.config['name'] === 'string' ? obj.config['name'] : undefined;
  const label = `${where}: Model '${name ?? '?'}'`;
  const raw = obj.config['layers'];
  if (!Array.isArray(raw)) throw new CorruptFileError(`${label}: config.layers must be a list; received ${formatValue(raw)}`);
  const tensors = new Map<string, SymbolicTensor>();
  const key = (r: Ref): string => JSON.stringify(r.slice(0, 3));
  const created: Layer[] = [];
  const pending: { layer: Layer; call: number; refs: Ref[]; list: boolean }[] = [];
  try {
    for (const entry of raw) {
      const object = asKerasObject(entry, label);
      if (object.class_name === 'InputLayer') {
        const t = inputFromTfjs(object, label);
        const input = inputLayerOf(t) as InputLayer;
        created.push(input);
        tensors.set(key([input.name, 0, 0]), t);
        continue;
      }
      const layer = layerOrModel(object, label, budget);
      created.push(layer);
      const nodes = object['inbound_nodes'];
      if (!Array.isArray(nodes)) throw new CorruptFileError(`${label}: layer '${layer.name}' has no inbound_nodes list`);
      // A nested model's call 0 is its own graph; its calls in this model are numbered from 1.
      const first = layer instanceof Model ? 1 : 0;
      nodes.forEach((node, index) => {
        if (!Array.isArray(node) || node.length === 0) throw new CorruptFileError(`${label}: a call of layer '${layer.name}' is not a list of tensor references; received ${formatValue(node)}`);
        const refs = node.map((r) => asRef(r, label));
        for (const r of node as unknown[][]) {
          const kwargs = r[3];
          if (isRecord(kwargs) && Object.keys(kwargs).some((k) => k !== 'training')) {
            throw new UnsupportedFeatureError(`${label}: layer '${layer.name}' is called with arguments ${formatValue(kwargs)}; Strata reads calls on tensors only`);
          }
        }
        pending.push({ layer, call: index + first, refs, list: refs.length > 1 });
      });
    }
    while (pending.length > 0) {
      const ready = pending.findIndex(({ refs }) => refs.every((r) => tensors.has(key(r))));
      if (ready < 0) throw new CorruptFileError(`${label}: the calls of layer '${(pending[0] as (typeof pending)[number]).layer.name}' refer to tensors no layer produces`);
      const [{ layer, call, refs, list }] = pending.splice(ready, 1) as [(typeof pending)[number]];
      const inputs = refs.map((r) => tensors.get(key(r)) as SymbolicTensor);
      if (!layer.built) {
        buildWithinBudget(layer, list ? inputs.map((t) => t.shape) : (inputs[0] as SymbolicTensor).shape, label, budget);
        layer.built = true;
      }
      const out = list ? layer.apply(inputs) : layer.apply(inputs[0] as SymbolicTensor);
      (Array.isArray(out) ? out : [out]).forEach((t, i) => tensors.set(key([layer.name, call, i]), t));
    }
    const resolve = (r: Ref): SymbolicTensor => {
      const t = tensors.get(key(r));
      if (t === undefined) throw new CorruptFileError(`${label}: no tensor ${formatValue(r)}`);
      return t;
    };
    const inputs = refList(obj.config['input_layers'], `${label}: input_layers`).map(resolve);
    const outputs = refList(obj.config['output_layers'], `${label}: output_layers`).map(resolve);
    return new Model({
      inputs: inputs.length === 1 ? (inputs[0] as SymbolicTensor) : inputs,
      outputs: outputs.length === 1 ? (outputs[0] as SymbolicTensor) : outputs,
      ...(name !== undefined ? { name } : {}),
    });
  } catch (e) {
    created.forEach((l) => l.dispose());
    throw e;
  }
}

/** The TF.js topology (`{ class_name, config }`) of a Sequential or functional model. */
export function modelToTfjsTopology(model: Model, where: string): { class_name: string; config: Record<string, unknown> } {
  if (model instanceof Sequential) {
    const layers = model.layers.map((layer) => entryFor(layer, where));
    const first = layers[0];
    const shape = model.inputShape;
    if (first !== undefined && shape !== null && !MODEL_CLASSES.has(first.class_name)) first.config['batch_input_shape'] = shape;
    return { class_name: 'Sequential', config: { name: model.name, layers } };
  }
  if (model.inputs.length === 0) {
    throw new UnsupportedFeatureError(`${where}: ${model.className} '${model.name}' has no inputs and outputs; Sequential and functional models can be saved`);
  }
  const graph = new FunctionalGraph(where, model.inputs, model.outputs);
  const ref = (t: SymbolicTensor): Ref => {
    const node = t.node;
    if (node === null) return [(inputLayerOf(t) as InputLayer).name, 0, 0];
    return [node.layer.name, graph.nodesOf(node.layer).indexOf(node) + (node.layer instanceof Model ? 1 : 0), t.outputIndex];
  };
  const layers = graph.layers.map((layer) => {
    if (layer instanceof InputLayer) {
      const config = { batch_input_shape: layer.batchInputShape, dtype: 'float32', sparse: false, name: layer.name };
      return { name: layer.name, class_name: 'InputLayer', config, inbound_nodes: [] };
    }
    const entry = entryFor(layer, where);
    const inbound = graph.nodesOf(layer).map((node: Node) => node.inputs.map((t) => [...ref(t), {}]));
    return { name: layer.name, ...entry, inbound_nodes: inbound };
  });
  return { class_name: 'Model', config: { name: model.name, layers, input_layers: model.inputs.map(ref), output_layers: model.outputs.map(ref) } };
}

function entryFor(layer: Layer, where: string): { class_name: string; config: Record<string, unknown> } {
  if (layer instanceof Model) return modelToTfjsTopology(layer, where);
  const entry = layerToTfjs(layer, where);
  delete entry.config['batch_input_shape'];
  return entry;
}
