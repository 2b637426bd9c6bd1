import { Tensor, ShapeError, ValueError, formatShape } from '@strata-ml/core';
import { InputLayer, inputLayerOf, isShapeList, type CallArgs, type Layer, type Node, type Shape, type SymbolicTensor } from '@strata-ml/layers';
import { outputMask } from './masking';

/**
 * The graph of a functional model: the layer calls (graph {@link Node}s) that lead from the input tensors
 * to the output tensors, found by walking back from the outputs. It runs the calls in order on concrete
 * tensors, computes output shapes, and lists the layers as Keras orders them (by depth from the outputs,
 * inputs first; ties in the order the walk first met them).
 */
export class FunctionalGraph {
  /** The model inputs, made by `Input()`. */
  readonly inputs: SymbolicTensor[];
  /** The model outputs. */
  readonly outputs: SymbolicTensor[];
  /** The InputLayer behind each input. */
  readonly inputLayers: InputLayer[];
  /** Every layer of the graph, input layers included. */
  readonly layers: Layer[];
  /** The layer calls in an order where every call comes after the calls that feed it. */
  readonly nodes: Node[];

  constructor(where: string, inputs: SymbolicTensor[], outputs: SymbolicTensor[]) {
    this.inputs = inputs.slice();
    this.outputs = outputs.slice();
    this.inputLayers = inputs.map((t, i) => {
      const layer = inputLayerOf(t);
      if (layer === null) {
        throw new ValueError(`${where}: inputs[${i}] ('${t.name}') is not a model input; create inputs with Input({ shape })`);
      }
      if (inputs.indexOf(t) !== i) throw new ValueError(`${where}: input '${t.name}' is given twice`);
      return layer;
    });
    const walk = walkBack(where, this.inputs, this.outputs);
    this.nodes = walk.order;
    this.layers = orderLayers(this.inputs, this.inputLayers, walk);
    const seen = new Set<string>();
    for (const layer of this.layers) {
      if (seen.has(layer.name)) {
        throw new ValueError(`${where}: the name '${layer.name}' is used by more than one layer; layer names in a model must be unique`);
      }
      seen.add(layer.name);
    }
  }

  /** The names of the inputs (their InputLayers' names). */
  get inputNames(): string[] {
    return this.inputLayers.map((l) => l.name);
  }

  /** The names of the outputs: the layers that produce them, as Keras names them. */
  get outputNames(): string[] {
    return this.outputs.map((t) => t.sourceLayer?.name ?? t.name);
  }

  /** The graph's layer calls whose layer is `layer`, in the order the layer made them. */
  nodesOf(layer: Layer): Node[] {
    return layer.inboundNodes.filter((n) => this.nodes.includes(n));
  }

  /** Runs the graph on one concrete tensor per input; returns one tensor per output. */
  run(where: string, inputs: Tensor[], kwargs: CallArgs): Tensor[] {
    if (inputs.length !== this.inputs.length) {
      throw new ValueError(`${where}: expects ${this.inputs.length} input(s) (${this.inputNames.map((n) => `'${n}'`).join(', ')}); received ${inputs.length}`);
    }
    const values = new Map<SymbolicTensor, Tensor>();
    // Masks travel beside the values (Embedding's `maskZero` to the recurrent layers after it, as Keras).
    const masks = new Map<SymbolicTensor, Tensor | null>();
    this.inputs.forEach((t, i) => {
      const x = inputs[i] as Tensor;
      checkInputShape(where, this.inputLayers[i] as InputLayer, x);
      values.set(t, x);
    });
    for (const node of this.nodes) {
      const args = node.inputs.map((t) => values.get(t) as Tensor);
      const input = args.length === 1 ? (args[0] as Tensor) : args;
      const mask = args.length === 1 ? (masks.get(node.inputs[0] as SymbolicTensor) ?? null) : null;
      // A training flag given at the symbolic call wins over the model's (as Keras).
      const callArgs: CallArgs = { ...node.callArgs };
      if (callArgs.training === undefined && kwargs.training !== undefined) callArgs.training = kwargs.training;
      if (mask !== null && callArgs.mask === undefined) callArgs.mask = mask;
      const out = Array.isArray(input) ? node.layer.apply(input, callArgs) : node.layer.apply(input, callArgs);
      const list = Array.isArray(out) ? out : [out];
      const outMasks = outputMask(node.layer, input, mask);
      node.outputs.forEach((t, i) => {
        values.set(t, list[i] as Tensor);
        masks.set(t, (Array.isArray(outMasks) ? outMasks[i] : outMasks) ?? null);
      });
    }
    return this.outputs.map((t) => values.get(t) as Tensor);
  }

  /** The output shapes for inputs of `inputShapes`, computed layer by layer. */
  outputShapes(inputShapes: Shape[]): Shape[] {
    const shapes = new Map<SymbolicTensor, Shape>();
    this.inputs.forEach((t, i) => shapes.set(t, inputShapes[i] ?? t.shape));
    for (const node of this.nodes) {
      const given = node.inputs.map((t) => shapes.get(t) as Shape);
      const out = node.layer.computeOutputShape(given.length === 1 ? (given[0] as Shape) : given);
      const list = node.outputs.length > 1 && isShapeList(out) ? out : [out as Shape];
      node.outputs.forEach((t, i) => shapes.set(t, list[i] as Shape));
    }
    return this.outputs.map((t) => shapes.get(t) as Shape);
  }
}

/** Keras checks a functional model's inputs against the declared shapes; unknown dims accept any size. */
function checkInputShape(where: string, layer: InputLayer, x: Tensor): void {
  const declared = layer.batchInputShape as Shape;
  const fits = x.rank === declared.length && declared.every((d, i) => d === null || d === x.shape[i]);
  if (!fits) {
    throw new ShapeError(`${where}: input '${layer.name}' expects shape ${formatShape(declared)}; received shape ${formatShape(x.shape)}`);
  }
}

interface Walk {
  /** The calls in post order: each after those that feed it. */
  order: Node[];
  /** Each layer's position when the walk first met it (Keras breaks depth ties with it). */
  firstSeen: Map<Layer, number>;
}

/** Walks from the outputs back to the inputs; throws on an output that needs an input not given, or a cycle. */
function walkBack(where: string, inputs: SymbolicTensor[], outputs: SymbolicTensor[]): Walk {
  const isInput = new Set(inputs);
  const state = new Map<Node, 'open' | 'done'>();
  const order: Node[] = [];
  const firstSeen = new Map<Layer, number>();
  const meet = (layer: Layer): void => {
    if (!firstSeen.has(layer)) firstSeen.set(layer, firstSeen.size);
  };
  const visit = (t: SymbolicTensor, output: SymbolicTensor): void => {
    if (isInput.has(t)) {
      meet(inputLayerOf(t) as Layer);
      return;
    }
    const node = t.node;
    if (node === null) {
      throw new ValueError(`${where}: output tensor '${output.name}' is not connected to the inputs; missing input '${t.name}'`);
    }
    const s = state.get(node);
    if (s === 'done') return;
    if (s === 'open') throw new ValueError(`${where}: the graph has a cycle through layer '${node.layer.name}' (at tensor '${t.name}')`);
    state.set(node, 'open');
    meet(node.layer);
    for (const x of node.inputs) visit(x, output);
    state.set(node, 'done');
    order.push(node);
  };
  for (const t of outputs) visit(t, t);
  return { order, firstSeen };
}

/**
 * Orders layers as Keras does: depth is the longest path to an output (a shared layer takes its deepest
 * call), deepest first, ties by first meeting. Inputs that feed no output come first at depth 0.
 */
function orderLayers(inputs: SymbolicTensor[], inputLayers: InputLayer[], walk: Walk): Layer[] {
  const nodeDepth = new Map<Node | SymbolicTensor, number>();
  const layerDepth = new Map<Layer, number>();
  for (const node of [...walk.order].reverse()) {
    const depth = Math.max(nodeDepth.get(node) ?? 0, layerDepth.get(node.layer) ?? 0);
    layerDepth.set(node.layer, depth);
    nodeDepth.set(node, depth);
    for (const t of node.inputs) {
      const parent = t.node ?? t;
      nodeDepth.set(parent, Math.max(depth + 1, nodeDepth.get(parent) ?? 0));
    }
  }
  inputs.forEach((t, i) => {
    const layer = inputLayers[i] as InputLayer;
    layerDepth.set(layer, Math.max(layerDepth.get(layer) ?? 0, nodeDepth.get(t) ?? 0));
  });
  const rank = (l: Layer): number => walk.firstSeen.get(l) ?? -1;
  return [...layerDepth.keys()].sort((a, b) => (layerDepth.get(b) as number) - (layerDepth.get(a) as number) || rank(a) - rank(b));
}
