import { tf, Tensor, setRandomSeed, ShapeError, StrataDropoutMask, ValueError } from '@strata-ml/core';
import { GRUCell, LSTMCell, RNN, SimpleRNN, SimpleRNNCell, SymbolicTensor, deserializeLayer, l1, l2, serializeLayer, type RNNCallArgs } from '../index';
import { expectConfigRoundTrip, expectGradientsMatch, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

/** Sets a layer's weights from plain arrays, disposing the temporaries. */
function setWeights(layer: { setWeights(values: Tensor[]): void }, values: (number[] | number[][])[]): void {
  const tensors = values.map((v) => tf.tensor(v));
  layer.setWeights(tensors);
  tf.dispose(tensors);
}

const eye = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** A linear SimpleRNN with identity kernels: h_t = x_t + h_{t-1}, so outputs are running sums. */
function runningSum(units: number, args: ConstructorParameters<typeof SimpleRNN>[1] = {}): SimpleRNN {
  const layer = new SimpleRNN(units, { activation: 'linear', ...args });
  layer.build([null, null, units]);
  setWeights(layer, [eye(units), eye(units), new Array<number>(units).fill(0)]);
  return layer;
}

describe('RNN', () => {
  it('runs any cell over time: output shapes with returnSequences / returnState, symbolic too', () => {
    const x = sample([2, 5, 3], 1);
    expectOutputShape(new RNN(new LSTMCell(4)), x, [2, 4]);
    expectOutputShape(new RNN(new GRUCell(4), { returnSequences: true }), x, [2, 5, 4]);
    const lstm = new RNN(new LSTMCell(4), { returnSequences: true, returnState: true });
    const outs = lstm.apply([x]) as Tensor[];
    expect(outs.map((t) => t.shape)).toEqual([[2, 5, 4], [2, 4], [2, 4]]);
    expect(lstm.computeOutputShape([null, 5, 3])).toEqual([[null, 5, 4], [null, 4], [null, 4]]);
    const symbolic = lstm.apply([new SymbolicTensor({ shape: [null, 7, 3] })]) as SymbolicTensor[];
    expect(symbolic.map((s) => s.shape)).toEqual([[null, 7, 4], [null, 4], [null, 4]]);
    tf.dispose([x, ...outs]);
    lstm.dispose();
  });

  it('exposes the cell weights as its own, in Keras order, and freezes them with trainable', () => {
    const layer = new RNN(new LSTMCell(3));
    layer.build([null, 4, 2]);
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([
      ['kernel', [2, 12]], ['recurrent_kernel', [3, 12]], ['bias', [12]],
    ]);
    expect(layer.countParams()).toBe(2 * 12 + 3 * 12 + 12);
    layer.trainable = false;
    expect(layer.trainableWeights).toEqual([]);
    expect(layer.nonTrainableWeights).toHaveLength(3);
    layer.dispose();
  });

  it('adds the penalties of the cell weights to its losses', () => {
    const layer = new SimpleRNN(2, { recurrentRegularizer: l2(0.5), recurrentInitializer: 'ones', kernelRegularizer: l1(0.1), kernelInitializer: 'ones' });
    layer.build([null, 3, 3]);
    const losses = layer.losses;
    expect(losses.map((t) => t.dataSync()[0])).toEqual([expect.closeTo(0.1 * 6, 5), expect.closeTo(0.5 * 4, 5)]);
    tf.dispose(losses);
    layer.dispose();
  });

  it('returnSequences gives every step, returnState the final states, goBackwards reads time in reverse', () => {
    const x = tf.tensor3d([[[1, 10], [2, 20], [3, 30]]]);
    const forward = runningSum(2, { returnSequences: true, returnState: true });
    const [seq, h] = forward.apply([x]) as Tensor[];
    expect(seq?.arraySync()).toEqual([[[1, 10], [3, 30], [6, 60]]]);
    expect(h?.arraySync()).toEqual([[6, 60]]);
    // Backwards, the output sequence is in processing order: x_3, x_3 + x_2, …
    const backward = runningSum(2, { returnSequences: true, goBackwards: true });
    const back = backward.apply(x);
    expect(back.arraySync()).toEqual([[[3, 30], [5, 50], [6, 60]]]);
    const last = runningSum(2);
    const y = last.apply(x);
    expect(y.arraySync()).toEqual([[6, 60]]);
    tf.dispose([x, seq as Tensor, h as Tensor, back, y]);
  });

  it('starts from initialState, given as a call argument or as extra inputs', () => {
    const x = tf.tensor3d([[[1], [2]], [[3], [4]]]);
    const h0 = tf.tensor2d([[100], [200]]);
    const layer = runningSum(1);
    const kwargs: RNNCallArgs = { initialState: [h0] };
    const a = layer.apply(x, kwargs);
    const b = layer.apply([x, h0]) as Tensor;
    expect(a.arraySync()).toEqual([[103], [207]]);
    expect(b.arraySync()).toEqual([[103], [207]]);
    const bad = tf.zeros([2, 3]);
    expect(() => layer.apply([x, bad])).toThrow(ShapeError);
    expect(() => layer.apply([x, bad])).toThrow(`SimpleRNN '${layer.name}': expected initialState[0] of shape [2, 1], received shape [2, 3]`);
    expect(() => layer.apply([x, h0, h0])).toThrow('initialState must be 1 tensor(s) of shapes [batch, 1]; received 2 tensor(s)');
    tf.dispose([x, h0, a, b, bad]);
  });

  it('keeps states and repeats the output at masked steps (or zeros them with zeroOutputForMask)', () => {
    const x = tf.tensor3d([[[1], [2], [4], [8]], [[1], [2], [4], [8]]]);
    const mask = tf.tensor2d([[1, 1, 0, 0], [1, 0, 1, 1]], undefined, 'bool');
    const layer = runningSum(1, { returnSequences: true, returnState: true });
    const [seq, h] = layer.apply([x], { mask }) as Tensor[];
    expect(seq?.arraySync()).toEqual([[[1], [3], [3], [3]], [[1], [1], [5], [13]]]);
    expect(h?.arraySync()).toEqual([[3], [13]]);
    const zeroed = runningSum(1, { returnSequences: true, zeroOutputForMask: true });
    const z = zeroed.apply(x, { mask });
    expect(z.arraySync()).toEqual([[[1], [3], [0], [0]], [[1], [0], [5], [13]]]);
    const backward = runningSum(1, { goBackwards: true });
    const bk = backward.apply(x, { mask });
    expect(bk.arraySync()).toEqual([[3], [13]]);
    expect(layer.computeMask(x, mask)).toEqual([mask, null]);
    tf.dispose([x, mask, seq as Tensor, h as Tensor, z, bk]);
  });

  it('draws each dropout mask once per sequence, from setRandomSeed', () => {
    // Identity kernels and ones as input: with input dropout only, every step's output is the input mask.
    const layer = runningSum(64, { dropout: 0.5, returnSequences: true });
    const x = tf.ones([3, 4, 64]);
    setRandomSeed(5);
    const y = layer.apply(x, { training: true });
    const steps = tf.unstack(y, 1).map((t) => Array.from(t.dataSync()));
    const first = steps[0] as number[];
    // Running sums of the same mask m: step t is (t + 1)·m.
    steps.forEach((s, t) => s.forEach((v, i) => expect(v).toBeCloseTo((t + 1) * (first[i] as number), 5)));
    expect(new Set(first)).toEqual(new Set([0, 2]));
    setRandomSeed(5);
    const again = layer.apply(x, { training: true });
    expect(Array.from(again.dataSync())).toEqual(Array.from(y.dataSync()));
    const inference = layer.apply(x);
    expect(inference.dataSync()[64 * 3]).toBe(4);
    tf.dispose([x, y, again, inference]);
    layer.dispose();
  });

  it('draws its dropout masks with the mask kernel where the backend has one', () => {
    // A stand-in for the kernel `@strata-ml/backend-wasm` registers: every other entry dropped, seed recorded.
    const seeds: number[] = [];
    const kernelFunc: tf.KernelFunc = ({ backend, attrs }) => {
      const { shape, rate, seed } = attrs as unknown as { shape: number[]; rate: number; seed: number };
      seeds.push(seed);
      const values = new Float32Array(shape.reduce((p, d) => p * d, 1)).map((_, i) => (i % 2 === 0 ? 0 : 1 / (1 - rate)));
      return { dataId: (backend as tf.KernelBackend).write(values, shape, 'float32'), shape, dtype: 'float32' };
    };
    // The backend's own kernel (wasm has one) steps aside for the stand-in and comes back after.
    const own = tf.getKernel(StrataDropoutMask, tf.getBackend());
    if (own !== undefined) tf.unregisterKernel(StrataDropoutMask, tf.getBackend());
    tf.registerKernel({ kernelName: StrataDropoutMask, backendName: tf.getBackend(), kernelFunc });
    try {
      const layer = runningSum(4, { dropout: 0.5, recurrentDropout: 0.5, returnSequences: true });
      const x = tf.ones([1, 3, 4]);
      const before = tf.memory().numTensors;
      const y = layer.apply(x, { training: true });
      expect(tf.memory().numTensors).toBe(before + 1);
      expect(seeds).toHaveLength(2);
      // Input mask m = [0, 2, 0, 2] and the same recurrent mask: h1 = m, h2 = m + m·h1, h3 = m + m·h2.
      expect(y.arraySync()).toEqual([[[0, 2, 0, 2], [0, 6, 0, 6], [0, 14, 0, 14]]]);
      tf.dispose([x, y]);
      layer.dispose();
    } finally {
      tf.unregisterKernel(StrataDropoutMask, tf.getBackend());
      if (own !== undefined) tf.registerKernel(own);
    }
  });

  it('applies one recurrent dropout mask at every step', () => {
    // h1 = 1, h2 = 1 + m·h1, h3 = 1 + m·h2 with x = 1 and identity kernels.
    const layer = runningSum(32, { recurrentDropout: 0.5, returnSequences: true });
    const x = tf.ones([2, 3, 32]);
    const y = layer.apply(x, { training: true });
    const [h1, h2, h3] = tf.unstack(y, 1).map((t) => Array.from(t.dataSync()));
    (h2 as number[]).forEach((v, i) => {
      const m = v - 1;
      expect([0, 2]).toContain(Math.round(m));
      expect((h1 as number[])[i]).toBe(1);
      expect((h3 as number[])[i]).toBeCloseTo(1 + m * v, 5);
    });
    tf.dispose([x, y]);
    layer.dispose();
  });

  it('passes the gradient check through masks, goBackwards and both dropouts', () => {
    const x = sample([2, 4, 3], 2);
    const mask = tf.tensor2d([[1, 1, 0, 1], [1, 0, 1, 1]]);
    const layer = new RNN(new GRUCell(3, { dropout: 0.3, recurrentDropout: 0.4 }), { returnSequences: true, goBackwards: true });
    tf.dispose(layer.apply(x));
    const f = (input: Tensor): Tensor => {
      setRandomSeed(9);
      return layer.apply(input, { training: true, mask });
    };
    expectGradientsMatch(f, x, layer.trainableWeights.map((w) => w.variable));
    tf.dispose([x, mask]);
    layer.dispose();
  });

  it('passes the gradient check for a plain RNN(SimpleRNNCell) and round-trips its config', () => {
    const x = sample([2, 3, 2], 3);
    const layer = new RNN(new SimpleRNNCell(3, { biasInitializer: 'random_normal' }), { returnSequences: true, unroll: true });
    expectLayerGradients(layer, x);
    const copy = expectConfigRoundTrip(layer, x);
    const config = serializeLayer(layer);
    expect((config.config['cell'] as { className: string }).className).toBe('SimpleRNNCell');
    expect(deserializeLayer(JSON.parse(JSON.stringify(config)))).toBeInstanceOf(RNN);
    copy.dispose();
    x.dispose();
    layer.dispose();
  });

  it('rejects stateful=true, cells that are not RNNCells, inputs of the wrong rank, and bad rates', () => {
    expect(() => new SimpleRNN(4, { stateful: true })).toThrow(ValueError);
    expect(() => new SimpleRNN(4, { stateful: true })).toThrow('SimpleRNN: stateful=true is not supported');
    expect(() => new RNN({} as SimpleRNNCell)).toThrow('RNN: cell must be an RNNCell');
    const layer = new SimpleRNN(4, { name: 'rnn_x' });
    const flat = tf.zeros([2, 3]);
    expect(() => layer.apply(flat)).toThrow("SimpleRNN 'rnn_x': expected input of rank 3, received shape [2, 3]");
    expect(() => new SimpleRNN(0)).toThrow('SimpleRNNCell: units must be a positive integer; received units=0');
    expect(() => new LSTMCell(2, { dropout: 1 })).toThrow('LSTMCell: dropout must be a number in [0, 1); received dropout=1');
    flat.dispose();
  });

  it('does not leak tensors, in inference or in training with dropout', () => {
    const layer = new RNN(new LSTMCell(3, { dropout: 0.2, recurrentDropout: 0.2 }), { returnSequences: true, returnState: true });
    const x = sample([2, 4, 3], 4);
    tf.dispose(layer.apply([x]));
    const before = tf.memory().numTensors;
    tf.dispose(layer.apply([x]));
    tf.dispose(layer.apply([x], { training: true }));
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    layer.dispose();
  });
});
