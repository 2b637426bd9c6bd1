import * as tf from '@tensorflow/tfjs-core';
import { wasmDataIds } from '../testing/backends';

describe('Identity and same-dtype Cast (wasm)', () => {
  it('share the buffer: no new buffer, and the copy outlives the original', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const before = wasmDataIds();
    const copy = tf.clone(x);
    const same = tf.cast(x, 'float32');
    expect(wasmDataIds()).toBe(before);
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3, 4]);
    expect(copy.shape).toEqual([2, 2]);
    copy.dispose();
    expect(Array.from(same.dataSync())).toEqual([1, 2, 3, 4]);
    same.dispose();
    // The last reference frees the buffer.
    expect(wasmDataIds()).toBe(before - 1);
  });

  it('still convert between dtypes and copy strings through the stock kernels', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor1d([1.7, -2.2, 0]);
    const asInt = tf.cast(x, 'int32');
    expect(asInt.dtype).toBe('int32');
    expect(Array.from(asInt.dataSync())).toEqual([1, -2, 0]);
    const s = tf.clone(tf.tensor1d(['a', 'b'], 'string'));
    expect(s.dataSync()).toEqual(['a', 'b']);
    tf.dispose([x, asInt, s]);
  });

  it('keep gradients right where the engine saves tensors for the backward pass', async () => {
    const grad = async (backend: 'wasm' | 'cpu') => {
      await tf.setBackend(backend);
      return tf.tidy(() => {
        const x = tf.tensor2d([[0.5, -1], [2, -0.25]]);
        const w = tf.tensor2d([[1, -2], [0.5, 3]]);
        const g = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.relu(tf.matMul(x, v as tf.Tensor2D)), tf.exp(v))))(w);
        return Array.from(g.dataSync());
      });
    };
    const actual = await grad('wasm');
    const expected = await grad('cpu');
    actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i] as number, 5));
  });
});
