import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn } from './testing/backends';

// Gradients of the layers Strata trains on the wasm backend, through every kernel their backward pass
// needs, against the cpu backend. Loss = Σ f(inputs) · w for a fixed random w, so every gradient entry is
// a short sum (<= a few hundred products of values in [-1, 1)); float32 rounding stays far below 1e-5
// of 1 + |expected|.
const TOLERANCE = 1e-5;

async function compareGrads(f: (...xs: tf.Tensor[]) => tf.Tensor, shapes: number[][]): Promise<void> {
  const run = () => {
    const xs = shapes.map((s, i) => randomTensor(s, 20 + i));
    const y = f(...xs);
    const w = randomTensor(y.shape, 99);
    return tf.grads((...args: tf.Tensor[]) => tf.sum(tf.mul(f(...args), w)))(xs);
  };
  const actual = await runOn('wasm', run);
  const expected = await runOn('cpu', run);
  expect(actual.length).toBe(shapes.length);
  actual.forEach((a, i) => expect(maxScaledError(a, expected[i]!)).toBeLessThan(TOLERANCE));
}

describe('layer gradients on wasm against the cpu backend', () => {
  it('dense: relu(x·W + b)', async () => {
    await compareGrads((x, w, b) => tf.relu(tf.add(tf.matMul(x, w), b)), [[16, 33], [33, 7], [7]]);
  });

  it('fused dense: fused.matMul with bias and relu', async () => {
    await compareGrads((x, w, b) => tf.fused.matMul({ a: x, b: w, bias: b, activation: 'relu' }), [[16, 33], [33, 7], [7]]);
  });

  it('conv2d, same padding, stride 1 and 2', async () => {
    await compareGrads((x, f) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same'), [[2, 9, 8, 3], [3, 3, 3, 5]]);
    await compareGrads((x, f) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 2, 'valid'), [[2, 9, 8, 3], [3, 3, 3, 5]]);
  });

  it('conv1d (a conv2d of height 1)', async () => {
    await compareGrads((x, f) => tf.conv1d(x as tf.Tensor3D, f as tf.Tensor3D, 2, 'same'), [[3, 17, 4], [5, 4, 6]]);
  });

  it('conv2dTranspose', async () => {
    await compareGrads(
      (x, f) => tf.conv2dTranspose(x as tf.Tensor4D, f as tf.Tensor4D, [2, 10, 10, 3], 2, 'same'),
      [[2, 5, 5, 4], [3, 3, 3, 4]],
    );
  });

  it('depthwiseConv2d and separableConv2d', async () => {
    await compareGrads((x, f) => tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same'), [[2, 7, 7, 3], [3, 3, 3, 2]]);
    await compareGrads((x, f) => tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same'), [[2, 7, 7, 3], [3, 3, 3, 1]]);
    await compareGrads(
      (x, d, p) => tf.separableConv2d(x as tf.Tensor4D, d as tf.Tensor4D, p as tf.Tensor4D, 2, 'valid'),
      [[2, 9, 9, 3], [3, 3, 3, 2], [1, 1, 6, 4]],
    );
  });

  it('maxPool', async () => {
    await compareGrads((x) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid'), [[2, 8, 6, 3]]);
  });

  it('avgPool (valid padding: the cpu backend is wrong for same, see AvgPoolGrad.test.ts)', async () => {
    await compareGrads((x) => tf.avgPool(x as tf.Tensor4D, 3, 2, 'valid'), [[2, 7, 7, 3]]);
  });

  it('embedding lookup: gather, whose gradient is unsortedSegmentSum', async () => {
    const ids = [3, 0, 3, 9, 1, 3];
    await compareGrads((table) => tf.gather(table, tf.tensor1d(ids, 'int32')), [[10, 4]]);
    await compareGrads((table) => tf.gather(table, tf.tensor2d([ids, ids], [2, 6], 'int32'), 0), [[10, 4]]);
  });

  it('unsortedSegmentSum itself', async () => {
    await compareGrads((x) => tf.unsortedSegmentSum(x, tf.tensor1d([1, 0, 1, 2], 'int32'), 3), [[4, 5]]);
  });

  it('batched attention-style matMul with transposes', async () => {
    await compareGrads((q, k) => tf.matMul(q, k, false, true), [[3, 7, 5], [3, 6, 5]]);
  });
});
