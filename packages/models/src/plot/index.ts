/** Model plots (Keras's `plot_model` and `model_to_dot`): Graphviz DOT, laid out to SVG and PNG. */
export { plotModel } from './plot-model';
export type { PlotModelArgs } from './plot-model';
export { modelToDot } from './model-to-dot';
export type { ModelToDotArgs } from './model-to-dot';
export { dotToSvg, svgToPng } from './render';
export { modelGraph } from './model-graph';
export type { GraphNode, GraphCluster, GraphPart } from './model-graph';
