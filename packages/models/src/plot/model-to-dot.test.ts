import { tf, Tensor } from '@strata-ml/core';
import { Activation, Dense, Dropout, InputLayer, Layer, resetLayerNames, type Shape, type SymbolicTensor } from '@strata-ml/layers';
import { Model } from '../model';
import { Sequential } from '../sequential';
import type { SummaryRow } from '../summary';
import { useTestBackend } from '../../test/helpers';
import { modelGraph } from './model-graph';
import { modelToDot } from './model-to-dot';

beforeAll(useTestBackend);
beforeEach(resetLayerNames);

/** The seed's Listing 1.3.2 model. */
function seedModel(): Sequential {
  const model = new Sequential();
  model.add(new Dense(256, { inputDim: 784 }));
  model.add(new Activation('relu'));
  model.add(new Dropout(0.45));
  model.add(new Dense(256));
  model.add(new Activation('relu'));
  model.add(new Dropout(0.45));
  model.add(new Dense(10));
  model.add(new Activation('softmax'));
  return model;
}

/** Sums a list of inputs: a two-input layer for graph tests. */
class AddAll extends Layer {
  static override readonly className: string = 'AddAll';
  call(inputs: Tensor | Tensor[]): Tensor {
    return tf.addN(inputs as Tensor[]);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return (inputShape as Shape[])[0] as Shape;
  }
}

/** A model over layers wired by symbolic calls, standing in for a functional model. */
class GraphModel extends Model {
  static override readonly className: string = 'GraphModel';
  constructor(private readonly members: Layer[]) {
    super({ name: 'graph' });
  }
  override get layers(): Layer[] {
    return this.members.slice();
  }
  protected override summaryRows(): SummaryRow[] {
    return [];
  }
  override call(): Tensor {
    throw new Error('GraphModel only describes a graph');
  }
}

const TABLE = '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6">';
function box(name: string, input: string, output: string): string {
  return (
    `<${TABLE}<TR><TD ROWSPAN="2">${name}</TD><TD>input:</TD><TD>${input}</TD></TR>` +
    `<TR><TD>output:</TD><TD>${output}</TD></TR></TABLE>>`
  );
}

describe('modelToDot', () => {
  it('describes the seed MLP as a chain from dense_input, with shapes (golden)', () => {
    const chain = [
      ['dense_input', 'InputLayer', '(None, 784)', '(None, 784)'],
      ['dense', 'Dense', '(None, 784)', '(None, 256)'],
      ['activation', 'Activation', '(None, 256)', '(None, 256)'],
      ['dropout', 'Dropout', '(None, 256)', '(None, 256)'],
      ['dense_1', 'Dense', '(None, 256)', '(None, 256)'],
      ['activation_1', 'Activation', '(None, 256)', '(None, 256)'],
      ['dropout_1', 'Dropout', '(None, 256)', '(None, 256)'],
      ['dense_2', 'Dense', '(None, 256)', '(None, 10)'],
      ['activation_2', 'Activation', '(None, 10)', '(None, 10)'],
    ] as const;
    const expected = [
      'digraph "sequential" {',
      '  graph [rankdir=TB, concentrate=true, fontname="Helvetica"];',
      '  node [shape=plaintext, fontname="Helvetica", fontsize=14];',
      ...chain.map(([n, c, i, o]) => `  "${n}" [label=${box(`${n}: ${c}`, i, o)}];`),
      ...chain.slice(1).map(([n], k) => `  "${chain[k]?.[0]}" -> "${n}";`),
      '}',
      '',
    ].join('\n');
    const model = seedModel();
    const before = tf.memory().numTensors;
    expect(modelToDot(model, { showShapes: true })).toBe(expected);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('writes class names only, and dtype, activation and trainable cells, when asked', () => {
    const dense = new Dense(3, { inputShape: [2], activation: 'relu', name: 'd' });
    const model = new Sequential({ layers: [dense, new Dropout(0.5, { name: 'drop' })] });
    dense.trainable = false;
    const dot = modelToDot(model, { showLayerNames: false, showDtype: true, showLayerActivations: true, showTrainable: true, rankdir: 'LR' });
    expect(dot).toContain('graph [rankdir=LR,');
    expect(dot).toContain(`"d_input" [label=<${TABLE}<TR><TD>InputLayer</TD><TD>float32</TD><TD>NT</TD></TR></TABLE>>];`);
    expect(dot).toContain(`"d" [label=<${TABLE}<TR><TD>Dense</TD><TD>float32</TD><TD>relu</TD><TD>NT</TD></TR></TABLE>>];`);
    expect(dot).toContain(`"drop" [label=<${TABLE}<TR><TD>Dropout</TD><TD>float32</TD><TD>T</TD></TR></TABLE>>];`);
  });

  it('names an explicit InputLayer of a Sequential by its own name', () => {
    const model = new Sequential({ layers: [new InputLayer({ inputShape: [5], name: 'pixels' }), new Dense(2, { name: 'out' })] });
    const part = modelGraph(model, false);
    expect(part.nodes.map((n) => n.id)).toEqual(['pixels', 'out']);
    expect(part.edges).toEqual([['pixels', 'out']]);
  });

  it('leaves shapes unknown and draws no input for a Sequential without an input shape', () => {
    const model = new Sequential({ layers: [new Dense(2, { name: 'a' }), new Dense(1, { name: 'b' })] });
    const part = modelGraph(model, false);
    expect(part.nodes.map((n) => [n.id, n.inputShape, n.outputShape])).toEqual([['a', '?', '?'], ['b', '?', '?']]);
    expect(part.edges).toEqual([['a', 'b']]);
  });

  it('escapes names for DOT and for HTML labels', () => {
    const model = new Sequential({ layers: [new Dense(1, { inputShape: [1], name: 'a"<b>&' })] });
    const dot = modelToDot(model);
    expect(dot).toContain('"a\\"<b>&" [label=<');
    expect(dot).toContain('<TD>a&quot;&lt;b&gt;&amp;: Dense</TD>');
  });

  it('follows the symbolic graph of other models: branches, a two-input layer, a shared layer', () => {
    const input = new InputLayer({ inputShape: [4], name: 'x' });
    const left = new Dense(3, { name: 'left' });
    const right = new Dense(3, { name: 'right' });
    const add = new AddAll({ name: 'add' });
    const shared = new Dense(3, { name: 'shared' });
    const a = left.apply(input.output);
    const b = right.apply(input.output);
    const sum = add.apply([a, b]) as SymbolicTensor;
    shared.apply(a);
    shared.apply(sum);
    const part = modelGraph(new GraphModel([input, left, right, add, shared]), false);
    expect(part.edges).toEqual([['x', 'left'], ['x', 'right'], ['left', 'add'], ['right', 'add'], ['left', 'shared'], ['add', 'shared']]);
    const shapes = Object.fromEntries(part.nodes.map((n) => [n.id, [n.inputShape, n.outputShape]]));
    expect(shapes).toEqual({
      x: ['(None, 4)', '(None, 4)'],
      left: ['(None, 4)', '(None, 3)'],
      right: ['(None, 4)', '(None, 3)'],
      add: ['[(None, 3), (None, 3)]', '(None, 3)'],
      shared: ['multiple', 'multiple'],
    });
    expect(part.entries).toEqual(['x']);
    expect(part.exits).toEqual(['shared']);
  });

  it('ignores calls of a layer from outside the model', () => {
    const input = new InputLayer({ inputShape: [2], name: 'in' });
    const other = new InputLayer({ inputShape: [2], name: 'elsewhere' });
    const dense = new Dense(1, { name: 'd' });
    dense.apply(input.output);
    dense.apply(other.output);
    const part = modelGraph(new GraphModel([input, dense]), false);
    expect(part.edges).toEqual([['in', 'd']]);
    expect(part.nodes[1]?.inputShape).toBe('(None, 2)');
  });

  it('draws a nested model as one box, or expands it into a cluster', () => {
    const inner = new Sequential({ name: 'inner', layers: [new Dense(4, { name: 'i1' }), new Dense(2, { name: 'i2' })] });
    const outer = new Sequential({ name: 'outer', layers: [new Dense(3, { inputShape: [5], name: 'first' }), inner, new Dense(1, { name: 'last' })] });
    const flat = modelGraph(outer, false);
    expect(flat.nodes.map((n) => [n.id, n.className, n.inputShape, n.outputShape])).toEqual([
      ['first_input', 'InputLayer', '(None, 5)', '(None, 5)'],
      ['first', 'Dense', '(None, 5)', '(None, 3)'],
      ['inner', 'Sequential', '(None, 3)', '(None, 2)'],
      ['last', 'Dense', '(None, 2)', '(None, 1)'],
    ]);
    const expanded = modelGraph(outer, true);
    expect(expanded.nodes.map((n) => n.id)).toEqual(['first_input', 'first', 'last']);
    expect(expanded.clusters.map((c) => [c.id, c.part.nodes.map((n) => n.id)])).toEqual([['inner', ['inner/i1', 'inner/i2']]]);
    expect(expanded.clusters[0]?.part.nodes.map((n) => n.inputShape)).toEqual(['(None, 3)', '(None, 4)']);
    expect(expanded.edges).toEqual([['first_input', 'first'], ['first', 'inner/i1'], ['inner/i2', 'last']]);
    const dot = modelToDot(outer, { expandNested: true });
    expect(dot).toContain('  subgraph "cluster_inner" {\n    label="inner: Sequential";\n    style=dashed;\n    labeljust=l;\n    "inner/i1" [label=');
    expect(dot).toContain('    "inner/i1" -> "inner/i2";\n  }');
  });

  it('rejects a bad rankdir or flag, naming the argument', () => {
    const model = seedModel();
    expect(() => modelToDot(model, { rankdir: 'BT' as 'TB' })).toThrow("modelToDot: rankdir must be 'TB' or 'LR'; received rankdir=\"BT\"");
    expect(() => modelToDot(model, { showShapes: 1 as unknown as boolean })).toThrow('modelToDot: showShapes must be a boolean; received showShapes=1');
  });
});
