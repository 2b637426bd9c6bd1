/**
 * A model → ONNX (opset 17) for inference: Sequential, functional and nested models, every layer written
 * by its converter, with a dynamic batch dimension (`batch`). A layer without a converter (or with an
 * option ONNX cannot express) is reported by name before anything is written.
 */
import { formatValue } from '@strata-ml/core';
import { InputLayer, inputLayerOf, type Layer, type Shape, type SymbolicTensor } from '@strata-ml/layers';
import { FunctionalGraph } from '../../functional-graph';
import { Model } from '../../model';
import { UnsupportedFeatureError } from '../../saving/errors';
import { STRATA_VERSION } from '../../saving/model-archive';
import { Sequential } from '../../sequential';
import { ACTIVATION_LAYER_CONVERTERS } from './activation-layer-converters';
import { CONV_CONVERTERS } from './conv-converters';
import type { ConvertContext, LayerConverter } from './converter';
import { CORE_CONVERTERS } from './core-converters';
import { MERGING_CONVERTERS } from './merging-converters';
import { NORMALIZATION_CONVERTERS } from './normalization-converters';
import { encodeModel, OnnxGraph, type OnnxValue } from './onnx-graph';
import { POOLING_CONVERTERS } from './pooling-converters';
import { RECURRENT_CONVERTERS } from './recurrent-converters';
import { RESHAPING_CONVERTERS } from './reshaping-converters';

const CONVERTERS: Readonly<Record<string, LayerConverter>> = {
  ...CORE_CONVERTERS, ...ACTIVATION_LAYER_CONVERTERS, ...CONV_CONVERTERS, ...POOLING_CONVERTERS, ...NORMALIZATION_CONVERTERS,
  ...MERGING_CONVERTERS, ...RESHAPING_CONVERTERS, ...RECURRENT_CONVERTERS,
};

/** Every Strata layer class that exports to ONNX (besides Sequential and functional models, which nest), sorted. */
export function exportableLayers(): string[] {
  return Object.keys(CONVERTERS).sort();
}

class Exporter implements ConvertContext {
  readonly graph = new OnnxGraph();

  convert(layer: Layer, inputs: OnnxValue[]): OnnxValue[] {
    if (layer instanceof Sequential) return this.sequential(layer, inputs);
    if (layer instanceof Model) return this.functional(layer, inputs);
    const converter = Object.prototype.hasOwnProperty.call(CONVERTERS, layer.className) ? CONVERTERS[layer.className] : undefined;
    if (converter === undefined) {
      throw new UnsupportedFeatureError(`export (ONNX): layer '${layer.name}' (${layer.className}) cannot be exported to ONNX; exportable layers are ${exportableLayers().join(', ')}`);
    }
    return converter(this, layer, inputs);
  }

  unsupported(layer: Layer, why: string): never {
    throw new UnsupportedFeatureError(`export (ONNX): layer '${layer.name}' (${layer.className}) cannot be exported: ${why}`);
  }

  private sequential(model: Sequential, inputs: OnnxValue[]): OnnxValue[] {
    let values = inputs;
    for (const layer of model.layers) values = this.convert(layer, values);
    return values;
  }

  private functional(model: Model, inputs: OnnxValue[]): OnnxValue[] {
    if (model.inputs.length === 0) throw new UnsupportedFeatureError(`export (ONNX): ${model.className} '${model.name}' has no inputs and outputs; Sequential and functional models can be exported`);
    const graph = new FunctionalGraph(`export (ONNX): Model '${model.name}'`, model.inputs, model.outputs);
    const values = new Map<SymbolicTensor, OnnxValue>();
    model.inputs.forEach((t, i) => values.set(t, inputs[i] as OnnxValue));
    for (const node of graph.nodes) {
      if (node.layer instanceof InputLayer) continue;
      const ins = node.inputs.map((t) => {
        const v = values.get(t);
        if (v === undefined) throw new UnsupportedFeatureError(`export (ONNX): Model '${model.name}': the input of layer '${node.layer.name}' is not computed from the model's inputs`);
        return v;
      });
      const outs = this.convert(node.layer, ins);
      node.outputs.forEach((t, i) => values.set(t, outs[i] as OnnxValue));
    }
    return model.outputs.map((t) => values.get(t) ?? (inputLayerOf(t) !== null ? (inputs[model.inputs.indexOf(t)] as OnnxValue) : undefined) as OnnxValue);
  }
}

function inputShapes(model: Model): Shape[] {
  if (model instanceof Sequential) {
    const shape = model.inputShape;
    if (shape === null) throw new UnsupportedFeatureError(`export (ONNX): Sequential '${model.name}' is not built; give it an input shape first`);
    return [shape];
  }
  return model.inputs.map((t) => t.shape);
}

/**
 * The ONNX model (serialized `ModelProto`) of a Sequential or functional model, for inference: inputs
 * and outputs named as the model's, float32, batch dimension `batch`.
 */
export function modelToOnnx(model: Model): Uint8Array {
  const exporter = new Exporter();
  const g = exporter.graph;
  const inputs: OnnxValue[] = inputShapes(model).map((shape, i) => ({ name: g.reserve(model.inputNames[i] ?? `input_${i}`), shape: [null, ...shape.slice(1)] }));
  const results = exporter.convert(model, inputs);
  const names = model.outputNames.map((n, i) => (model.outputNames.indexOf(n) === i ? n : `${n}_${i}`));
  const outputs = results.map((value, i) => {
    const name = g.reserve(`${names[i] ?? `output_${i}`}:output`);
    g.nodes.push({ opType: 'Identity', name: g.fresh(`${name}/Identity`), input: [value.name], output: [name] });
    return { name, shape: value.shape };
  });
  if (outputs.length === 0) throw new UnsupportedFeatureError(`export (ONNX): model '${model.name}' has no outputs ${formatValue(results)}`);
  return encodeModel(g, model.name, inputs, outputs, STRATA_VERSION);
}
