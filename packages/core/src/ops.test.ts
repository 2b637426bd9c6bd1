import { setBackend } from './backend';
import * as tf from './ops';

describe('Keras-named ops', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  it('concatenate joins along the last axis by default', () => {
    tf.tidy(() => {
      const a = tf.tensor2d([[1, 2], [3, 4]]);
      const b = tf.tensor2d([[5], [6]]);
      const c = tf.concatenate([a, b]);
      expect(c.shape).toEqual([2, 3]);
      expect(Array.from(c.dataSync())).toEqual([1, 2, 5, 3, 4, 6]);
      const rows = tf.concatenate([a, a], 0);
      expect(rows.shape).toEqual([4, 2]);
    });
  });

  it('batchFlatten keeps the batch axis and flattens the rest', () => {
    tf.tidy(() => {
      const x = tf.reshape(tf.range(0, 24), [2, 3, 4]);
      const flat = tf.batchFlatten(x);
      expect(flat.shape).toEqual([2, 12]);
      expect(Array.from(flat.dataSync())).toEqual(Array.from({ length: 24 }, (_, i) => i));
    });
  });

  it('exposes every tfjs-core op', () => {
    expect(typeof tf.matMul).toBe('function');
    expect(typeof tf.grad).toBe('function');
    expect(typeof tf.tidy).toBe('function');
  });
});
