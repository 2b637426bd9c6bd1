import { InputLayer, Layer, type Node, type Shape, type SymbolicTensor } from '@strata-ml/layers';
import { Model } from '../model';
import { Sequential } from '../sequential';
import { formatTupleShape } from '../summary';

/** One box of a model plot: a layer, with its input and output shapes as Keras prints them. */
export interface GraphNode {
  /** Unique within the whole plot: the layer name, prefixed by `outer/` for the layers of an expanded nested model. */
  id: string;
  /** The layer drawn; null for the implicit input of a `Sequential` (it has no public layer object). */
  layer: Layer | null;
  /** Its name as drawn (for the implicit input of a `Sequential`, `<first layer>_input` as Keras names it). */
  name: string;
  /** Its class as drawn (`Dense`). */
  className: string;
  /** Input shape text: `(None, 784)`, `[(None, 4), (None, 4)]`, `multiple` for a shared layer, `?` when unknown. */
  inputShape: string;
  /** Output shape text, in the same form. */
  outputShape: string;
}

/** A nested model drawn with its layers inside a box (`expandNested`). */
export interface GraphCluster {
  /** Unique within the plot, as node ids. */
  id: string;
  /** The nested model. */
  model: Model;
  /** What it contains. */
  part: GraphPart;
}

/** The nodes, clusters and edges of one model (or of an expanded nested model). */
export interface GraphPart {
  /** Boxes, in the model's layer order. */
  nodes: GraphNode[];
  /** Expanded nested models. */
  clusters: GraphCluster[];
  /** Edges `[fromId, toId]` between node ids, including those into and out of clusters; no duplicates. */
  edges: Array<[string, string]>;
  /** Ids of the nodes nothing inside this part feeds: where outer edges come in. */
  entries: string[];
  /** Ids of the nodes that feed nothing inside this part: where outer edges leave. */
  exits: string[];
}

const UNKNOWN = '?';

function shapeText(shape: Shape | Shape[] | null | undefined): string {
  if (shape == null) return UNKNOWN;
  const many = shape.length > 0 && Array.isArray(shape[0]);
  return many ? `[${formatTupleShape(shape)}]` : formatTupleShape(shape);
}

function shapesText(shapes: Shape[]): string {
  return shapes.length === 1 ? shapeText(shapes[0]) : shapeText(shapes);
}

/** A layer of the model before nested models are expanded, with what feeds it (`key`s of other vertices). */
interface Vertex {
  key: object;
  layer: Layer | null;
  name: string;
  className: string;
  inputShape: string;
  outputShape: string;
  sources: object[];
}

/**
 * A `Sequential` plots as a chain, preceded (at the top level, once the input shape is known) by its
 * input layer, which Keras names after the first layer: `dense_input`.
 */
function sequentialVertices(model: Sequential, top: boolean): Vertex[] {
  const layers = model.layers;
  const start = model.inputShape === null ? null : ([null, ...model.inputShape.slice(1)] as Shape);
  let shape: Shape | Shape[] | null = start;
  const vertices: Vertex[] = layers.map((layer, i) => {
    const input = shape;
    shape = input === null ? null : layer.computeOutputShape(input);
    return {
      key: layer,
      layer,
      name: layer.name,
      className: layer.className,
      inputShape: shapeText(input),
      outputShape: shapeText(shape),
      sources: i > 0 ? [layers[i - 1] as Layer] : [],
    };
  });
  if (!top || start === null || layers.length === 0) return vertices;
  const first = vertices[0] as Vertex;
  // The InputLayer is private to Sequential; its config (first entry of `layers`) names it when given.
  const declared = (model.getConfig()['layers'] as Array<{ className: string; config: { name?: string } }> | undefined)?.[0];
  const name = declared?.className === 'InputLayer' && declared.config.name ? declared.config.name : `${first.name}_input`;
  const key = {};
  first.sources = [key];
  return [{ key, layer: null, name, className: 'InputLayer', inputShape: shapeText(start), outputShape: shapeText(start), sources: [] }, ...vertices];
}

/**
 * Any other model plots from the graph its layers recorded when called on symbolic tensors: each inbound
 * node of a layer links the layers that produced its inputs (an `InputLayer` produced its `output`).
 */
function graphVertices(model: Model): Vertex[] {
  const layers = model.layers;
  const members = new Set<Layer>(layers);
  const inputOwner = new Map<SymbolicTensor, Layer>();
  for (const layer of layers) if (layer instanceof InputLayer) inputOwner.set(layer.output, layer);
  const sourceOf = (t: SymbolicTensor): Layer | null => t.sourceLayer ?? inputOwner.get(t) ?? null;
  const inModel = (node: Node): boolean => node.inputs.every((t) => {
    const source = sourceOf(t);
    return source !== null && members.has(source);
  });
  return layers.map((layer) => {
    const nodes = layer.inboundNodes.filter(inModel);
    const sources: object[] = [];
    for (const node of nodes) {
      for (const t of node.inputs) {
        const source = sourceOf(t) as Layer;
        if (!sources.includes(source)) sources.push(source);
      }
    }
    let inputShape = UNKNOWN;
    let outputShape = UNKNOWN;
    if (layer instanceof InputLayer) {
      inputShape = outputShape = shapeText(layer.batchInputShape);
    } else if (nodes.length > 1) {
      inputShape = outputShape = 'multiple';
    } else if (nodes.length === 1) {
      const node = nodes[0] as Node;
      inputShape = shapesText(node.inputs.map((t) => t.shape));
      outputShape = shapesText(node.outputs.map((t) => t.shape));
    }
    return { key: layer, layer, name: layer.name, className: layer.className, inputShape, outputShape, sources };
  });
}

/**
 * The plot graph of `model`: one node per layer and an edge for each connection, with nested models
 * either as one node or, with `expandNested`, as a cluster of their own layers.
 */
export function modelGraph(model: Model, expandNested: boolean, prefix = '', top = true): GraphPart {
  const vertices = model instanceof Sequential ? sequentialVertices(model, top) : graphVertices(model);
  const part: GraphPart = { nodes: [], clusters: [], edges: [], entries: [], exits: [] };
  // Where edges into and out of each layer attach: the node itself, or a cluster's entries and exits.
  const ends = new Map<object, { entries: string[]; exits: string[] }>();
  for (const v of vertices) {
    const id = `${prefix}${v.name}`;
    if (expandNested && v.layer instanceof Model) {
      const inner = modelGraph(v.layer, true, `${id}/`, false);
      part.clusters.push({ id, model: v.layer, part: inner });
      ends.set(v.key, { entries: inner.entries, exits: inner.exits });
    } else {
      part.nodes.push({ id, layer: v.layer, name: v.name, className: v.className, inputShape: v.inputShape, outputShape: v.outputShape });
      ends.set(v.key, { entries: [id], exits: [id] });
    }
  }
  const seen = new Set<string>();
  const fed = new Set<object>();
  for (const v of vertices) {
    for (const source of v.sources) {
      fed.add(source);
      for (const from of ends.get(source)?.exits ?? []) {
        for (const to of ends.get(v.key)?.entries ?? []) {
          const key = `${from}\u0000${to}`;
          if (!seen.has(key)) {
            seen.add(key);
            part.edges.push([from, to]);
          }
        }
      }
    }
  }
  for (const v of vertices) {
    const end = ends.get(v.key) as { entries: string[]; exits: string[] };
    if (v.sources.length === 0) part.entries.push(...end.entries);
    if (!fed.has(v.key)) part.exits.push(...end.exits);
  }
  return part;
}
