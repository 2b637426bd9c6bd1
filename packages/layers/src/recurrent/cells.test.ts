import { tf, Tensor } from '@strata-ml/core';
import { GRU, GRUCell, LSTM, LSTMCell, Layer, SimpleRNN, SimpleRNNCell } from '../index';
import { useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

// The written-out equations of each cell in float64, on plain arrays, for batch 2, 3 steps, 2 features,
// 3 units. Weights and inputs are fixed, irregular numbers so that a swapped gate or transposed kernel shows.
type Matrix = number[][];
const BATCH = 2;
const TIME = 3;
const IN = 2;
const UNITS = 3;

const fill = (rows: number, cols: number, seed: number, scale = 0.6): Matrix =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => scale * Math.sin(seed + 1.7 * r + 0.9 * c + 0.31 * r * c)));
const matmul = (a: Matrix, b: Matrix): Matrix =>
  a.map((row) => (b[0] as number[]).map((_, j) => row.reduce((s, v, k) => s + v * ((b[k] as number[])[j] as number), 0)));
const addRow = (a: Matrix, v: number[]): Matrix => a.map((row) => row.map((x, j) => x + (v[j] as number)));
const add = (a: Matrix, b: Matrix): Matrix => a.map((row, i) => row.map((x, j) => x + ((b[i] as number[])[j] as number)));
const map = (a: Matrix, f: (x: number, i: number, j: number) => number): Matrix => a.map((row, i) => row.map((x, j) => f(x, i, j)));
const cols = (a: Matrix, from: number, to: number): Matrix => a.map((row) => row.slice(from, to));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const at = (a: Matrix, i: number, j: number): number => (a[i] as number[])[j] as number;

/** x as `[time][batch][features]`. */
const inputs: Matrix[] = Array.from({ length: TIME }, (_, t) => fill(BATCH, IN, 10 + t, 1.2));
const xTensor = (): Tensor => tf.tensor3d(Array.from({ length: BATCH }, (_, b) => inputs.map((xt) => xt[b] as number[])));

function simpleRnnReference(w: Matrix, u: Matrix, bias: number[]): Matrix[] {
  let h: Matrix = fill(BATCH, UNITS, 0, 0);
  return inputs.map((x) => (h = map(addRow(add(matmul(x, w), matmul(h, u)), bias), Math.tanh)));
}

function lstmReference(w: Matrix, u: Matrix, bias: number[]): { hs: Matrix[]; c: Matrix } {
  let h: Matrix = fill(BATCH, UNITS, 0, 0);
  let c: Matrix = fill(BATCH, UNITS, 0, 0);
  const hs = inputs.map((x) => {
    const z = addRow(add(matmul(x, w), matmul(h, u)), bias);
    const gate = (g: number): Matrix => cols(z, g * UNITS, (g + 1) * UNITS);
    const [i, f, g, o] = [gate(0), gate(1), gate(2), gate(3)];
    c = map(c, (cv, r, k) => sigmoid(at(f, r, k)) * cv + sigmoid(at(i, r, k)) * Math.tanh(at(g, r, k)));
    return (h = map(c, (cv, r, k) => sigmoid(at(o, r, k)) * Math.tanh(cv)));
  });
  return { hs, c };
}

function gruReference(w: Matrix, u: Matrix, bias: Matrix, resetAfter: boolean): Matrix[] {
  let h: Matrix = fill(BATCH, UNITS, 0, 0);
  return inputs.map((x) => {
    const mx = addRow(matmul(x, w), bias[0] as number[]);
    const blk = (m: Matrix, g: number): Matrix => cols(m, g * UNITS, (g + 1) * UNITS);
    let candidate: Matrix;
    let z: Matrix;
    if (resetAfter) {
      const mh = addRow(matmul(h, u), bias[1] as number[]);
      z = map(add(blk(mx, 0), blk(mh, 0)), sigmoid);
      const r = map(add(blk(mx, 1), blk(mh, 1)), sigmoid);
      candidate = map(blk(mx, 2), (v, i, j) => Math.tanh(v + at(r, i, j) * at(blk(mh, 2), i, j)));
    } else {
      const mh = matmul(h, cols(u, 0, 2 * UNITS));
      z = map(add(blk(mx, 0), blk(mh, 0)), sigmoid);
      const r = map(add(blk(mx, 1), blk(mh, 1)), sigmoid);
      const rh = map(r, (v, i, j) => v * at(h, i, j));
      candidate = map(add(blk(mx, 2), matmul(rh, cols(u, 2 * UNITS, 3 * UNITS))), Math.tanh);
    }
    const prev = h;
    return (h = map(z, (zv, i, j) => zv * at(prev, i, j) + (1 - zv) * at(candidate, i, j)));
  });
}

/** Sets a layer's weights from plain arrays, disposing the temporaries. */
function setWeights(layer: Layer, values: (number[] | Matrix)[]): void {
  const tensors = values.map((v) => tf.tensor(v));
  layer.setWeights(tensors);
  tf.dispose(tensors);
}

/** `[batch][time][units]` from per-step matrices. */
const byBatch = (steps: Matrix[]): number[][][] => Array.from({ length: BATCH }, (_, b) => steps.map((s) => s[b] as number[]));

function expectClose(actual: Tensor, expected: number[] | number[][] | number[][][], tol = 1e-5): void {
  const a = actual.arraySync() as number[][];
  expect(actual.shape).toEqual(tf.tensor(expected).shape);
  const flatA = a.flat(3) as number[];
  const flatE = (expected as number[][]).flat(3) as number[];
  flatA.forEach((v, i) => expect(Math.abs(v - (flatE[i] as number))).toBeLessThan(tol));
}

describe('recurrent cells against their written-out equations (float64 reference)', () => {
  it('SimpleRNN: h = tanh(x·W + h·U + b), every step and the last', () => {
    const w = fill(IN, UNITS, 1);
    const u = fill(UNITS, UNITS, 2, 0.5);
    const bias = [0.1, -0.2, 0.3];
    const layer = new SimpleRNN(UNITS, { returnSequences: true, returnState: true });
    const x = xTensor();
    tf.dispose(layer.apply(x));
    setWeights(layer, [w, u, bias]);
    const [seq, h] = layer.apply([x]) as Tensor[];
    const ref = simpleRnnReference(w, u, bias);
    expectClose(seq as Tensor, byBatch(ref));
    expectClose(h as Tensor, ref[TIME - 1] as Matrix);
    tf.dispose([x, seq as Tensor, h as Tensor]);
    layer.dispose();
  });

  it('LSTM: gates packed [i, f, c, o]; returns [output, h, c]', () => {
    const w = fill(IN, 4 * UNITS, 3);
    const u = fill(UNITS, 4 * UNITS, 4, 0.5);
    const bias = Array.from({ length: 4 * UNITS }, (_, k) => 0.3 * Math.cos(k));
    const layer = new LSTM(UNITS, { returnSequences: true, returnState: true });
    const x = xTensor();
    tf.dispose(layer.apply(x));
    setWeights(layer, [w, u, bias]);
    const [seq, h, c] = layer.apply([x]) as Tensor[];
    const ref = lstmReference(w, u, bias);
    expectClose(seq as Tensor, byBatch(ref.hs));
    expectClose(h as Tensor, ref.hs[TIME - 1] as Matrix);
    expectClose(c as Tensor, ref.c);
    tf.dispose([x, seq as Tensor, h as Tensor, c as Tensor]);
    layer.dispose();
  });

  it('GRU (resetAfter, bias [2, 3u]): gates packed [z, r, h], r applied after the recurrent product', () => {
    const w = fill(IN, 3 * UNITS, 5);
    const u = fill(UNITS, 3 * UNITS, 6, 0.5);
    const bias = [Array.from({ length: 3 * UNITS }, (_, k) => 0.2 * Math.sin(3 * k)), Array.from({ length: 3 * UNITS }, (_, k) => 0.25 * Math.cos(2 * k))];
    const layer = new GRU(UNITS, { returnSequences: true });
    const x = xTensor();
    tf.dispose(layer.apply(x));
    expect(layer.cell.bias?.shape).toEqual([2, 9]);
    setWeights(layer, [w, u, bias]);
    const seq = layer.apply(x) as Tensor;
    expectClose(seq, byBatch(gruReference(w, u, bias, true)));
    tf.dispose([x, seq]);
    layer.dispose();
  });

  it('GRU (resetAfter false, bias [3u]): r applied to h before the recurrent product', () => {
    const w = fill(IN, 3 * UNITS, 7);
    const u = fill(UNITS, 3 * UNITS, 8, 0.5);
    const bias = Array.from({ length: 3 * UNITS }, (_, k) => 0.2 * Math.sin(5 * k));
    const layer = new GRU(UNITS, { resetAfter: false });
    const x = xTensor();
    tf.dispose(layer.apply(x));
    expect(layer.cell.bias?.shape).toEqual([9]);
    setWeights(layer, [w, u, bias]);
    const last = layer.apply(x) as Tensor;
    const ref = gruReference(w, u, [bias, bias.map(() => 0)], false);
    expectClose(last, ref[TIME - 1] as Matrix);
    tf.dispose([x, last]);
    layer.dispose();
  });

  it('a cell called on its own does one step: [x, ...states] → [output, ...newStates]', () => {
    const w = fill(IN, 4 * UNITS, 3);
    const u = fill(UNITS, 4 * UNITS, 4, 0.5);
    const bias = Array.from({ length: 4 * UNITS }, (_, k) => 0.3 * Math.cos(k));
    const cell = new LSTMCell(UNITS);
    const x0 = tf.tensor2d(inputs[0] as Matrix);
    const zeros = [tf.zeros([BATCH, UNITS]), tf.zeros([BATCH, UNITS])];
    tf.dispose(cell.apply([x0, ...zeros]));
    setWeights(cell, [w, u, bias]);
    const [out, h, c] = cell.apply([x0, ...zeros]) as Tensor[];
    const ref = lstmReference(w, u, bias);
    expectClose(out as Tensor, ref.hs[0] as Matrix);
    expectClose(h as Tensor, ref.hs[0] as Matrix);
    expect(cell.computeOutputShape([[null, IN], [null, UNITS], [null, UNITS]])).toEqual([[null, UNITS], [null, UNITS], [null, UNITS]]);
    tf.dispose([x0, ...zeros, out as Tensor, h as Tensor, c as Tensor]);
    const simple = new SimpleRNNCell(4);
    const gru = new GRUCell(4);
    expect([simple.stateSize, gru.stateSize, cell.stateSize]).toEqual([[4], [4], [UNITS, UNITS]]);
    cell.dispose();
  });
});
