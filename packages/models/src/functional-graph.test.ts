import { tf, Tensor, setRandomSeed, RuntimeError, ShapeError, ValueError } from '@strata-ml/core';
import { Add, Concatenate, Dense, Input, InputLayer, Node, SymbolicTensor, resetLayerNames } from '@strata-ml/layers';
import { Model, Sequential, modelGraph } from './index';
import { collector, useTestBackend } from '../test/helpers';

beforeAll(useTestBackend);
beforeEach(resetLayerNames);

function values(t: Tensor | Tensor[]): number[][] {
  return (t as Tensor).arraySync() as number[][];
}

describe('functional Model', () => {
  it('computes a branching graph exactly as the same layers called by hand', () => {
    setRandomSeed(1);
    const x = Input({ shape: [3], name: 'x' });
    const left = new Dense(2, { name: 'left' });
    const right = new Dense(2, { name: 'right', activation: 'relu' });
    const out = new Dense(1, { name: 'out' });
    const y = out.apply(new Concatenate().apply([left.apply(x), right.apply(x)]) as SymbolicTensor);
    const model = new Model({ inputs: x, outputs: y, name: 'branches' });
    expect(model.className).toBe('Functional');
    expect(model.layers.map((l) => l.name)).toEqual(['x', 'left', 'right', 'concatenate', 'out']);
    expect(model.countParams()).toBe(8 + 8 + 5);
    const data = tf.tensor2d([[1, 2, 3], [-1, 0, 0.5]]);
    const byModel = model.apply(data) as Tensor;
    const byHand = tf.tidy(() => out.apply(tf.concat([left.apply(data), right.apply(data)], -1)));
    expect(byModel.shape).toEqual([2, 1]);
    expect(values(byModel)).toEqual(values(byHand));
    tf.dispose([data, byModel, byHand]);
    model.dispose();
  });

  it('shares the weights of a layer applied twice', () => {
    const a = Input({ shape: [2], name: 'a' });
    const b = Input({ shape: [2], name: 'b' });
    const shared = new Dense(2, { name: 'shared', useBias: false, kernelInitializer: 'ones' });
    const sum = new Add().apply([shared.apply(a), shared.apply(b)]) as SymbolicTensor;
    const model = new Model({ inputs: [a, b], outputs: sum });
    expect(model.trainableWeights.length).toBe(1);
    expect(model.countParams()).toBe(4);
    const xa = tf.tensor2d([[1, 2]]);
    const xb = tf.tensor2d([[10, 20]]);
    // Ones kernel: each output is the row sum, 3 + 30.
    const y = model.apply([xa, xb]) as Tensor;
    expect(values(y)).toEqual([[33, 33]]);
    shared.setWeights([tf.tensor2d([[2, 0], [0, 1]])]);
    const y2 = model.apply([xa, xb]) as Tensor;
    expect(values(y2)).toEqual([[22, 22]]);
    tf.dispose([xa, xb, y, y2]);
    model.dispose();
  });

  it('is a layer: called on symbolic tensors inside another model, or on concrete tensors', () => {
    setRandomSeed(2);
    const innerIn = Input({ shape: [4] });
    const inner = new Model({ inputs: innerIn, outputs: new Dense(3, { name: 'inner_dense' }).apply(innerIn), name: 'encoder' });
    const x = Input({ shape: [4] });
    const y = new Dense(1, { name: 'head' }).apply(inner.apply(x));
    const outer = new Model({ inputs: x, outputs: y });
    expect(outer.layers.map((l) => l.name)).toEqual(['input_layer_1', 'encoder', 'head']);
    expect(outer.trainableWeights.length).toBe(4);
    const data = tf.ones([5, 4]);
    const direct = outer.apply(data) as Tensor;
    const viaInner = tf.tidy(() => (outer.layers[2] as Dense).apply(inner.apply(data) as Tensor));
    expect(values(direct)).toEqual(values(viaInner));
    // A Sequential can hold a functional model too.
    const stacked = new Sequential({ layers: [new InputLayer({ inputShape: [4] }), inner] });
    const s = stacked.predictOnBatch(data);
    expect(s.shape).toEqual([5, 3]);
    tf.dispose([data, direct, viaInner, s]);
    outer.dispose();
  });

  it('returns several outputs as an array, and takes inputs in order or by name', async () => {
    const a = Input({ shape: [1], name: 'a' });
    const b = Input({ shape: [1], name: 'b' });
    const sum = new Add({ name: 'sum' }).apply([a, b]) as SymbolicTensor;
    const doubled = new Dense(1, { name: 'doubled', kernelInitializer: 'ones', useBias: false }).apply(new Add({ name: 'twice' }).apply([sum, sum]) as SymbolicTensor);
    const model = new Model({ inputs: [a, b], outputs: [sum, doubled] });
    expect(model.inputNames).toEqual(['a', 'b']);
    expect(model.outputNames).toEqual(['sum', 'doubled']);
    expect(model.computeOutputShape([[null, 1], [null, 1]])).toEqual([[null, 1], [null, 1]]);
    const xa = tf.tensor2d([[1], [2]]);
    const xb = tf.tensor2d([[10], [20]]);
    const [s, d] = (await model.predict({ b: xb, a: xa }, { verbose: 0 })) as Tensor[];
    expect(values(s as Tensor)).toEqual([[11], [22]]);
    expect(values(d as Tensor)).toEqual([[22], [44]]);
    await expect(model.predict(xa, { verbose: 0 })).rejects.toThrow(
      "predict: the model has 2 inputs ('a', 'b'); x must be an array or a record of 2 tensors; received one Tensor",
    );
    await expect(model.predict({ a: xa, c: xb }, { verbose: 0 })).rejects.toThrow("predict: x has an entry 'c' that names no model input; expected 'a', 'b'");
    tf.dispose([xa, xb, s as Tensor, d as Tensor]);
    model.dispose();
  });

  it('checks inputs against the declared shapes', () => {
    const x = Input({ shape: [3], name: 'x' });
    const model = new Model({ inputs: x, outputs: new Dense(1).apply(x) });
    const bad = tf.zeros([2, 4]);
    expect(() => model.apply(bad)).toThrow(ShapeError);
    expect(() => model.apply(bad)).toThrow("Functional 'functional': input 'x' expects shape [None, 3]; received shape [2, 4]");
    bad.dispose();
    model.dispose();
  });

  it('names the output and the missing input when an output is not connected to the inputs', () => {
    const a = Input({ shape: [2], name: 'input_a' });
    const b = Input({ shape: [2], name: 'input_b' });
    const c = new Concatenate({ name: 'concat' }).apply([a, b]) as SymbolicTensor;
    const y = new Dense(1, { name: 'dense_3' }).apply(c);
    expect(() => new Model({ inputs: a, outputs: y })).toThrow(
      "Model 'functional': output tensor 'dense_3/output_0' is not connected to the inputs; missing input 'input_b'",
    );
  });

  it('rejects inputs not made by Input, outputs that are not symbolic, duplicate names, and cycles', () => {
    const x = Input({ shape: [2] });
    const h = new Dense(2, { name: 'h' }).apply(x);
    expect(() => new Model({ inputs: h, outputs: h })).toThrow("inputs[0] ('h/output_0') is not a model input; create inputs with Input({ shape })");
    expect(() => new Model({ inputs: x, outputs: [] })).toThrow(ValueError);
    expect(() => new Model({ inputs: x })).toThrow(ValueError);
    const twin = new Dense(2, { name: 'h' }).apply(h);
    expect(() => new Model({ inputs: x, outputs: twin })).toThrow("the name 'h' is used by more than one layer");
    // A cycle cannot be made with layer calls; build one by hand from graph nodes.
    const layer = new Dense(2, { name: 'loop' });
    const first = new Node(layer, [], {});
    const t1 = new SymbolicTensor({ shape: [null, 2], node: first, name: 't1' });
    const second = new Node(layer, [t1], {});
    const t2 = new SymbolicTensor({ shape: [null, 2], node: second, name: 't2' });
    first.inputs.push(t2);
    expect(() => new Model({ inputs: x, outputs: t2 })).toThrow("the graph has a cycle through layer 'loop'");
  });

  it('orders layers by depth as Keras, inputs first', () => {
    const a = Input({ shape: [2], name: 'a' });
    const b = Input({ shape: [3], name: 'b' });
    const deep = new Dense(2, { name: 'd2' }).apply(new Dense(2, { name: 'd1' }).apply(a));
    const model = new Model({ inputs: [a, b], outputs: new Concatenate({ name: 'cat' }).apply([deep, b]) as SymbolicTensor });
    expect(model.layers.map((l) => l.name)).toEqual(['a', 'd1', 'd2', 'b', 'cat']);
  });

  it('prints the Keras summary with the Connected to column', () => {
    const a = Input({ shape: [4], name: 'a' });
    const b = Input({ shape: [4], name: 'b' });
    const shared = new Dense(3, { name: 'shared' });
    const sum = new Add({ name: 'add' }).apply([shared.apply(a), shared.apply(b)]) as SymbolicTensor;
    const model = new Model({ inputs: [a, b], outputs: new Dense(1, { name: 'out' }).apply(sum), name: 'siamese' });
    const out = collector();
    const text = model.summary({ printFn: out.print });
    const rule = (c: string): string => c.repeat(98);
    expect(text).toBe(
      [
        'Model: "siamese"',
        rule('_'),
        'Layer (type)                    Output Shape         Param #     Connected to',
        rule('='),
        'a (InputLayer)                  [(None, 4)]          0',
        rule('_'),
        'b (InputLayer)                  [(None, 4)]          0',
        rule('_'),
        'shared (Dense)                  (None, 3)            15          a[0][0]',
        '                                                                 b[0][0]',
        rule('_'),
        'add (Add)                       (None, 3)            0           shared[0][0]',
        '                                                                 shared[1][0]',
        rule('_'),
        'out (Dense)                     (None, 1)            4           add[0][0]',
        rule('='),
        'Total params: 19',
        'Trainable params: 19',
        'Non-trainable params: 0',
        rule('_'),
      ].join('\n'),
    );
    expect(out.lines.length).toBe(text.split('\n').length);
    model.dispose();
  });

  it('plots as its graph: inputs, branches and the shared layer', () => {
    const a = Input({ shape: [4], name: 'a' });
    const b = Input({ shape: [4], name: 'b' });
    const shared = new Dense(3, { name: 'shared' });
    const model = new Model({ inputs: [a, b], outputs: new Add({ name: 'add' }).apply([shared.apply(a), shared.apply(b)]) as SymbolicTensor });
    const part = modelGraph(model, false);
    expect(part.edges).toEqual([['a', 'shared'], ['b', 'shared'], ['shared', 'add']]);
    expect(part.entries).toEqual(['a', 'b']);
    model.dispose();
  });

  it('needs call overridden when made without inputs and outputs', () => {
    const model = new Model({ name: 'empty' });
    const x = tf.zeros([1, 1]);
    expect(() => model.call(x, {})).toThrow(RuntimeError);
    expect(model.layers).toEqual([]);
    x.dispose();
  });
});
