/**
 * A functional model ↔ the Keras 3 `Functional` config: every layer with its `inbound_nodes` (the calls
 * that wire it, each argument a `__keras_tensor__` naming the layer, call and output it comes from), and
 * `input_layers` / `output_layers`. Loading replays the calls on symbolic tensors, so the layers are built
 * by their first call, as in Keras.
 */
import { formatValue } from '@strata-ml/core';
import { Input, InputLayer, inputLayerOf, type Layer, type Node, type Shape, type SymbolicTensor } from '@strata-ml/layers';
import { FunctionalGraph } from '../functional-graph';
import { Model } from '../model';
import { CorruptFileError, UnsupportedFeatureError } from './errors';
import { asKerasObject, isRecord, layerFromKeras, layerToKeras, type KerasObject, type LoadedLayer } from './keras-layer-config';

/** `[layer name, call index within the model, output index]`, as Keras 3 refers to a tensor. */
type History = [string, number, number];

/** The Keras 3 `config` of a functional model (without the surrounding `{ class_name, config }`). */
export function functionalToKeras(model: Model): Record<string, unknown> {
  const graph = new FunctionalGraph(`saveModel: Model '${model.name}'`, model.inputs, model.outputs);
  const history = (t: SymbolicTensor): History => {
    const node = t.node;
    if (node === null) return [(inputLayerOf(t) as InputLayer).name, 0, 0];
    return [node.layer.name, graph.nodesOf(node.layer).indexOf(node), t.outputIndex];
  };
  const ref = (t: SymbolicTensor): Record<string, unknown> => ({
    class_name: '__keras_tensor__',
    config: { shape: t.shape, dtype: 'float32', keras_history: history(t) },
  });
  const layers = graph.layers.map((layer) => {
    if (layer instanceof InputLayer) {
      const config = { batch_shape: layer.batchInputShape, dtype: 'float32', sparse: false, name: layer.name };
      return { module: 'keras.layers', class_name: 'InputLayer', config, registered_name: null, name: layer.name, inbound_nodes: [] };
    }
    if (layer instanceof Model) {
      throw new UnsupportedFeatureError(`saveModel: Model '${model.name}' holds the model '${layer.name}'; saving nested models is not supported yet`);
    }
    const nodes = graph.nodesOf(layer);
    const first = nodes[0] as Node;
    const buildShape = first.inputs.length === 1 ? (first.inputs[0] as SymbolicTensor).shape : null;
    const entry: KerasObject = layerToKeras(layer, buildShape);
    delete entry.config['batch_input_shape'];
    if (buildShape === null) entry.build_config = { input_shape: first.inputs.map((t) => t.shape) as unknown as Shape };
    const inbound = nodes.map((node) => ({
      args: [node.inputs.length === 1 ? ref(node.inputs[0] as SymbolicTensor) : node.inputs.map(ref)],
      kwargs: node.callArgs.training === undefined ? {} : { training: node.callArgs.training },
    }));
    return { ...entry, name: layer.name, inbound_nodes: inbound };
  });
  return {
    name: model.name,
    trainable: model.trainable,
    layers,
    input_layers: model.inputs.map(history),
    output_layers: model.outputs.map(history),
  };
}

function asHistory(value: unknown, where: string): History {
  if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string' || !Number.isInteger(value[1]) || !Number.isInteger(value[2])) {
    throw new CorruptFileError(`${where}: expected a tensor reference [layer, node, output]; received ${formatValue(value)}`);
  }
  return value as History;
}

/** `input_layers` / `output_layers`: a list of references, or (older files) a single one. */
function historyList(value: unknown, where: string): History[] {
  if (Array.isArray(value) && typeof value[0] === 'string') return [asHistory(value, where)];
  if (!Array.isArray(value) || value.length === 0) throw new CorruptFileError(`${where}: expected a list of tensor references; received ${formatValue(value)}`);
  return value.map((v) => asHistory(v, where));
}

function inputFromKeras(obj: KerasObject, where: string): SymbolicTensor {
  const shape = obj.config['batch_shape'] ?? obj.config['batch_input_shape'];
  if (!Array.isArray(shape) || shape.length === 0) throw new CorruptFileError(`${where}: InputLayer without batch_shape; received ${formatValue(shape)}`);
  const [batch, ...rest] = shape as Shape;
  const name = typeof obj.config['name'] === 'string' ? obj.config['name'] : undefined;
  return Input({ shape: rest, ...(batch != null ? { batchSize: batch } : {}), ...(name !== undefined ? { name } : {}) });
}

/** A functional model rebuilt from its Keras config, with the layers in the order of the file. */
export interface LoadedFunctional {
  /** The model (its layers are built; the caller sets their weights). */
  readonly model: Model;
  /** Its layers other than input layers, in the order of the file (the order of the weights). */
  readonly layers: LoadedLayer[];
}

/**
 * Rebuilds a functional model from a Keras 3 `Functional` config. Calls are replayed in rounds, since a
 * shared layer may be listed before the layer feeding its second call.
 */
export function functionalFromKeras(obj: KerasObject): LoadedFunctional {
  const where = `loadModel: Functional '${String(obj.config['name'] ?? '?')}'`;
  const raw = obj.config['layers'];
  if (!Array.isArray(raw)) throw new CorruptFileError(`${where}: config.layers must be a list; received ${formatValue(raw)}`);
  const tensors = new Map<string, SymbolicTensor>();
  const key = (h: History): string => JSON.stringify(h);
  const created: Layer[] = [];
  const loaded: LoadedLayer[] = [];
  const pending: { layer: Layer; index: number; node: Record<string, unknown> }[] = [];
  try {
    for (const entry of raw) {
      const object = asKerasObject(entry, where);
      if (object.class_name === 'InputLayer') {
        const t = inputFromKeras(object, where);
        created.push(inputLayerOf(t) as InputLayer);
        tensors.set(key([(inputLayerOf(t) as InputLayer).name, 0, 0]), t);
        continue;
      }
      const read = layerFromKeras(entry);
      const layer = read.layer;
      created.push(layer);
      loaded.push(read);
      const nodes = object['inbound_nodes'];
      if (!Array.isArray(nodes)) throw new CorruptFileError(`${where}: layer '${layer.name}' has no inbound_nodes list`);
      nodes.forEach((node, index) => {
        if (Array.isArray(node)) {
          throw new UnsupportedFeatureError(`${where}: layer '${layer.name}' has calls in the Keras 2 format; functional models are read from Keras 3 files`);
        }
        if (!isRecord(node)) throw new CorruptFileError(`${where}: a call of layer '${layer.name}' is not an object; received ${formatValue(node)}`);
        pending.push({ layer, index, node });
      });
    }
    const argsOf = (node: Record<string, unknown>, layer: Layer): History[] | null => {
      const args = node['args'];
      if (!Array.isArray(args) || args.length !== 1) {
        throw new UnsupportedFeatureError(`${where}: layer '${layer.name}' is called with ${formatValue(args)}; Strata reads calls with one tensor or one list of tensors`);
      }
      const first = args[0];
      const refs = Array.isArray(first) ? first : [first];
      return refs.map((r) => {
        if (!isRecord(r) || r['class_name'] !== '__keras_tensor__' || !isRecord(r['config'])) {
          throw new CorruptFileError(`${where}: layer '${layer.name}' has an argument that is not a tensor reference: ${formatValue(r)}`);
        }
        return asHistory(r['config']['keras_history'], where);
      });
    };
    while (pending.length > 0) {
      const ready = pending.findIndex(({ node, layer }) => (argsOf(node, layer) as History[]).every((h) => tensors.has(key(h))));
      if (ready < 0) {
        const { layer } = pending[0] as (typeof pending)[number];
        throw new CorruptFileError(`${where}: the calls of layer '${layer.name}' refer to tensors no layer produces`);
      }
      const [{ layer, index, node }] = pending.splice(ready, 1) as [(typeof pending)[number]];
      const inputs = (argsOf(node, layer) as History[]).map((h) => tensors.get(key(h)) as SymbolicTensor);
      const kwargs = isRecord(node['kwargs']) && typeof node['kwargs']['training'] === 'boolean' ? { training: node['kwargs']['training'] } : {};
      const out = inputs.length === 1 && !Array.isArray((node['args'] as unknown[])[0]) ? layer.apply(inputs[0] as SymbolicTensor, kwargs) : layer.apply(inputs, kwargs);
      (Array.isArray(out) ? out : [out]).forEach((t, i) => tensors.set(key([layer.name, index, i]), t));
    }
    const resolve = (h: History): SymbolicTensor => {
      const t = tensors.get(key(h));
      if (t === undefined) throw new CorruptFileError(`${where}: no tensor ${formatValue(h)}`);
      return t;
    };
    const inputs = historyList(obj.config['input_layers'], `${where}: input_layers`).map(resolve);
    const outputs = historyList(obj.config['output_layers'], `${where}: output_layers`).map(resolve);
    const name = typeof obj.config['name'] === 'string' ? obj.config['name'] : undefined;
    const model = new Model({
      inputs: inputs.length === 1 ? (inputs[0] as SymbolicTensor) : inputs,
      outputs: outputs.length === 1 ? (outputs[0] as SymbolicTensor) : outputs,
      ...(name !== undefined ? { name } : {}),
      ...(obj.config['trainable'] === false ? { trainable: false } : {}),
    });
    return { model, layers: loaded };
  } catch (e) {
    for (const layer of created) layer.dispose();
    throw e;
  }
}
