import { InputLayer, inputLayerOf, type Layer, type Shape, type SymbolicTensor } from '@strata-ml/layers';
import type { FunctionalGraph } from './functional-graph';
import { formatTupleShape, type SummaryRow } from './summary';

/** Keras's name for the tensor feeding a call: `<layer>[<node index>][<tensor index>]`. */
function connection(t: SymbolicTensor): string {
  const node = t.node;
  if (node === null) return `${inputLayerOf(t)?.name ?? t.name}[0][0]`;
  return `${node.layer.name}[${node.layer.inboundNodes.indexOf(node)}][${t.outputIndex}]`;
}

function outputShapeText(layer: Layer, shapes: Shape[][]): Shape | Shape[] | string {
  // Keras prints an input layer's shape as a list, and `multiple` for a layer called with different shapes.
  if (layer instanceof InputLayer) return `[${formatTupleShape(layer.batchInputShape as Shape)}]`;
  const texts = new Set(shapes.map((s) => formatTupleShape(s)));
  if (texts.size !== 1) return 'multiple';
  const first = shapes[0] as Shape[];
  return first.length === 1 ? (first[0] as Shape) : first;
}

/** One summary row per layer of a functional graph, with its output shape and what it is connected to. */
export function functionalSummaryRows(graph: FunctionalGraph): SummaryRow[] {
  return graph.layers.map((layer) => {
    const nodes = graph.nodesOf(layer);
    return {
      name: layer.name,
      className: layer.className,
      outputShape: outputShapeText(layer, nodes.map((n) => n.outputs.map((t) => t.shape))),
      params: layer.countParams(),
      connections: nodes.flatMap((n) => n.inputs.map(connection)),
    };
  });
}
