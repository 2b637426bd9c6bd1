import * as tf from '@tensorflow/tfjs-core';
import { randomTensor, runOn } from '../testing/backends';

describe('Unpack (wasm)', () => {
  for (const [shape, axis] of [
    [[28, 16, 8], 0],
    [[3, 5, 4], 1],
    [[3, 5, 4], -1],
    [[7], 0],
    [[2, 1, 3, 2], 2],
  ] as [number[], number][]) {
    it(`unstacks [${shape}] along axis ${axis} exactly as the cpu backend`, async () => {
      const run = (backend: 'wasm' | 'cpu') => runOn(backend, () => tf.unstack(randomTensor(shape, 4), axis));
      const [actual, expected] = [await run('wasm'), await run('cpu')];
      expect(actual.length).toBe(expected.length);
      actual.forEach((a, i) => {
        expect(a.shape).toEqual(expected[i]!.shape);
        expect(a.values).toEqual(expected[i]!.values);
      });
    });
  }

  it('unstacks int32 and bool tensors and passes the gradient back as a stack', async () => {
    await tf.setBackend('wasm');
    const ints = tf.tensor2d([[1, 2, 3], [4, 5, 6]], undefined, 'int32');
    expect(tf.unstack(ints, 1).map((t) => [t.dtype, Array.from(t.dataSync())])).toEqual([['int32', [1, 4]], ['int32', [2, 5]], ['int32', [3, 6]]]);
    const bools = tf.tensor1d([true, false], 'bool');
    expect(tf.unstack(bools).map((t) => t.dataSync()[0])).toEqual([1, 0]);
    // d/dx Σᵢ (i + 1)·Σ xᵢ over rows xᵢ: row i gets i + 1 everywhere.
    const x = tf.ones([3, 2]);
    const g = tf.grad((v: tf.Tensor) => tf.addN(tf.unstack(v).map((row, i) => tf.mul(tf.sum(row), i + 1))))(x);
    expect(Array.from(g.dataSync())).toEqual([1, 1, 2, 2, 3, 3]);
    tf.dispose([ints, bools, x, g]);
  });
});
