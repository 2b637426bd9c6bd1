/**
 * Builds an ONNX graph: nodes, weights (initializers) and unique value names, encoded with the protobuf
 * classes that `onnx-proto` generates from ONNX's own `onnx.proto` (protobufjs). Converters add nodes
 * through {@link OnnxGraph.op} and constants through {@link OnnxGraph.floats} / {@link OnnxGraph.ints}.
 */
import type { Shape } from '@strata-ml/layers';
import { onnx } from 'onnx-proto';

/** The opset Strata exports for: 17 has LayerNormalization and keeps `axes` an attribute of ReduceMean/Max. */
export const ONNX_OPSET = 17;
/** The IR version that goes with opset 17. */
export const ONNX_IR_VERSION = 8;

/** A value of the graph being built: its name and its Keras-style shape (`null` for the batch and unknown dims). */
export interface OnnxValue {
  readonly name: string;
  readonly shape: Shape;
}

/** An attribute value, tagged with its ONNX type (float and int attributes are distinct in ONNX). */
export type OnnxAttribute = { f: number } | { i: number } | { s: string } | { floats: number[] } | { ints: number[] } | { strings: string[] };

const Type = onnx.AttributeProto.AttributeType;

function attribute(name: string, value: OnnxAttribute): onnx.IAttributeProto {
  if ('f' in value) return { name, type: Type.FLOAT, f: value.f };
  if ('i' in value) return { name, type: Type.INT, i: value.i };
  if ('s' in value) return { name, type: Type.STRING, s: new TextEncoder().encode(value.s) };
  if ('floats' in value) return { name, type: Type.FLOATS, floats: value.floats };
  if ('ints' in value) return { name, type: Type.INTS, ints: value.ints };
  return { name, type: Type.STRINGS, strings: value.strings.map((s) => new TextEncoder().encode(s)) };
}

/** The largest int64 ONNX's Slice takes as "to the end". */
export const INT64_MAX = Number.MAX_SAFE_INTEGER;

/** An ONNX graph under construction. */
export class OnnxGraph {
  readonly nodes: onnx.INodeProto[] = [];
  readonly initializers: onnx.ITensorProto[] = [];
  private readonly used = new Set<string>();

  /** A value name not used yet, from `base` (`dense/MatMul`, `dense/MatMul_1`, …). */
  fresh(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_./:-]/g, '_');
    let name = clean;
    for (let i = 1; this.used.has(name); i++) name = `${clean}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Reserves a name that must be kept as is (graph inputs and outputs). */
  reserve(name: string): string {
    this.used.add(name);
    return name;
  }

  /** A float32 constant of shape `dims`. */
  floats(base: string, values: ArrayLike<number>, dims: readonly number[]): string {
    const name = this.fresh(base);
    const data = Float32Array.from(values);
    this.initializers.push({ name, dims: dims.slice(), dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  /** A 1-D int64 constant (shapes, axes, pads). */
  ints(base: string, values: readonly number[]): string {
    const name = this.fresh(base);
    this.initializers.push({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, int64Data: values.slice() });
    return name;
  }

  /** Adds a node; returns its output names (`outputs` of them, named from `base`). */
  ops(opType: string, inputs: readonly string[], attributes: Readonly<Record<string, OnnxAttribute>>, base: string, outputs: number): string[] {
    const names = Array.from({ length: outputs }, (_, i) => this.fresh(outputs === 1 ? `${base}/${opType}` : `${base}/${opType}:${i}`));
    this.nodes.push({
      opType,
      name: this.fresh(`${base}/${opType}_node`),
      input: inputs.slice(),
      output: names,
      attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
    });
    return names;
  }

  /** Adds a node with one output and returns its name. */
  op(opType: string, inputs: readonly string[], base: string, attributes: Readonly<Record<string, OnnxAttribute>> = {}): string {
    return this.ops(opType, inputs, attributes, base, 1)[0] as string;
  }
}

/** The ONNX type of a float32 value of a Keras shape: `null` dims become named symbolic dims (`batch` first). */
export function valueInfo(name: string, shape: Shape): onnx.IValueInfoProto {
  const dim = shape.map((d, i) => (d === null ? { dimParam: i === 0 ? 'batch' : `${name}_dim${i}` } : { dimValue: d }));
  return { name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim } } } };
}

/** Encodes a whole model. */
export function encodeModel(graph: OnnxGraph, name: string, inputs: OnnxValue[], outputs: OnnxValue[], producerVersion: string): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    producerName: 'Strata',
    producerVersion,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    graph: {
      name,
      node: graph.nodes,
      initializer: graph.initializers,
      input: inputs.map((v) => valueInfo(v.name, v.shape)),
      output: outputs.map((v) => valueInfo(v.name, v.shape)),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
