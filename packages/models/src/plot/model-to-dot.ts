import { invalidArgument, defineOptions, optionKeys } from '@strata-ml/core';
import type { Model } from '../model';
import { modelGraph, type GraphCluster, type GraphNode, type GraphPart } from './model-graph';

/** Options of {@link modelToDot} (Keras's `model_to_dot`). */
export interface ModelToDotArgs {
  /** Adds each layer's input and output shapes, `(None, 784)` (default false). */
  showShapes?: boolean;
  /** Adds each layer's dtype (default false). */
  showDtype?: boolean;
  /** Writes `name: ClassName` in each box; false writes the class only (default true). */
  showLayerNames?: boolean;
  /** Direction of the flow: `'TB'` top to bottom or `'LR'` left to right (default `'TB'`). */
  rankdir?: 'TB' | 'LR';
  /** Draws the layers of nested models inside a box instead of one box per nested model (default false). */
  expandNested?: boolean;
  /** Adds the activation of layers that have one (`relu`) (default false). */
  showLayerActivations?: boolean;
  /** Adds `T` (trainable) or `NT` to each box (default false). */
  showTrainable?: boolean;
}

/** The keys of {@link ModelToDotArgs}, spread by plotModel's option list. */
export const MODEL_TO_DOT_OPTION_KEYS = optionKeys<ModelToDotArgs>({
  showShapes: true,
  showDtype: true,
  showLayerNames: true,
  rankdir: true,
  expandNested: true,
  showLayerActivations: true,
  showTrainable: true,
});

const MODEL_TO_DOT_OPTIONS = defineOptions<ModelToDotArgs>('modelToDot', MODEL_TO_DOT_OPTION_KEYS);

/** The options with their defaults filled in. */
export type DotOptions = Required<ModelToDotArgs>;

/** The font the DOT asks for; the PNG renderer maps it to a metric-compatible font it ships. */
export const PLOT_FONT = 'Helvetica';

function checkBool(where: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidArgument(where, name, 'a boolean', value);
  return value;
}

/** Validates the options of `modelToDot`/`plotModel` and fills in Keras's defaults. */
export function resolveDotOptions(where: string, args: ModelToDotArgs): DotOptions {
  const rankdir = args.rankdir ?? 'TB';
  if (rankdir !== 'TB' && rankdir !== 'LR') throw invalidArgument(where, 'rankdir', "'TB' or 'LR'", rankdir);
  return {
    showShapes: checkBool(where, 'showShapes', args.showShapes, false),
    showDtype: checkBool(where, 'showDtype', args.showDtype, false),
    showLayerNames: checkBool(where, 'showLayerNames', args.showLayerNames, true),
    rankdir,
    expandNested: checkBool(where, 'expandNested', args.expandNested, false),
    showLayerActivations: checkBool(where, 'showLayerActivations', args.showLayerActivations, false),
    showTrainable: checkBool(where, 'showTrainable', args.showTrainable, false),
  };
}

/** Escapes text for a Graphviz HTML-like label. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Quotes a DOT identifier. */
function quote(id: string): string {
  return `"${id.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function activationName(node: GraphNode): string | null {
  const activation = node.layer?.getConfig()['activation'];
  return typeof activation === 'string' ? activation : null;
}

/** The extra cells beside the name: dtype, activation, trainable, in Keras's order. */
function extraCells(node: GraphNode, opts: DotOptions): string[] {
  const cells: string[] = [];
  if (opts.showDtype) cells.push(node.layer?.dtype ?? 'float32');
  if (opts.showLayerActivations) {
    const activation = activationName(node);
    if (activation !== null) cells.push(activation);
  }
  if (opts.showTrainable) cells.push(node.layer?.trainable === true ? 'T' : 'NT');
  return cells;
}

/**
 * The label of one box, as the book's Figure 1.3.9 shows it: `dense: Dense`, then with `showShapes` the
 * rows `input: (None, 784)` and `output: (None, 256)` beside it.
 */
function nodeLabel(node: GraphNode, opts: DotOptions): string {
  const title = opts.showLayerNames ? `${node.name}: ${node.className}` : node.className;
  const rows = opts.showShapes ? 2 : 1;
  const span = rows > 1 ? ` ROWSPAN="${rows}"` : '';
  const extras = extraCells(node, opts).map((text) => `<TD${span}>${html(text)}</TD>`).join('');
  const head = `<TD${span}>${html(title)}</TD>${extras}`;
  const table = '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6">';
  if (!opts.showShapes) return `<${table}<TR>${head}</TR></TABLE>>`;
  return (
    `<${table}<TR>${head}<TD>input:</TD><TD>${html(node.inputShape)}</TD></TR>` +
    `<TR><TD>output:</TD><TD>${html(node.outputShape)}</TD></TR></TABLE>>`
  );
}

function partLines(part: GraphPart, opts: DotOptions, indent: string): string[] {
  const lines: string[] = [];
  for (const node of part.nodes) lines.push(`${indent}${quote(node.id)} [label=${nodeLabel(node, opts)}];`);
  for (const cluster of part.clusters) lines.push(...clusterLines(cluster, opts, indent));
  for (const [from, to] of part.edges) lines.push(`${indent}${quote(from)} -> ${quote(to)};`);
  return lines;
}

function clusterLines(cluster: GraphCluster, opts: DotOptions, indent: string): string[] {
  const name = opts.showLayerNames ? `${cluster.model.name}: ${cluster.model.className}` : cluster.model.className;
  return [
    `${indent}subgraph ${quote(`cluster_${cluster.id}`)} {`,
    `${indent}  label=${quote(name)};`,
    `${indent}  style=dashed;`,
    // A left-aligned title stays clear of the edge that enters the box in the middle.
    `${indent}  labeljust=l;`,
    ...partLines(cluster.part, opts, `${indent}  `),
    `${indent}}`,
  ];
}

/**
 * The Graphviz DOT description of `model` (Keras's `model_to_dot`): one box per layer, an edge for each
 * connection. A `Sequential` is drawn as a chain from its input layer; other models from the graph their
 * layers recorded when called on symbolic tensors.
 *
 * ```ts
 * const dot = modelToDot(model, { showShapes: true });
 * ```
 */
export function modelToDot(model: Model, args: ModelToDotArgs = {}): string {
  MODEL_TO_DOT_OPTIONS.check(args);
  return dotFromOptions(model, resolveDotOptions('modelToDot', args));
}

/** `modelToDot` with options already checked (so that `plotModel` names itself in errors). */
export function dotFromOptions(model: Model, opts: DotOptions): string {
  const part = modelGraph(model, opts.expandNested);
  return [
    `digraph ${quote(model.name)} {`,
    `  graph [rankdir=${opts.rankdir}, concentrate=true, fontname=${quote(PLOT_FONT)}];`,
    `  node [shape=plaintext, fontname=${quote(PLOT_FONT)}, fontsize=14];`,
    ...partLines(part, opts, '  '),
    '}',
    '',
  ].join('\n');
}
