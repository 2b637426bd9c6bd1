import { tf } from '@strata-ml/core';
import { Mean } from './mean';
import { expectClose, expectNoLeak, expectNoReadBack, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('Mean', () => {
  it('is 0 before any update, then the running mean over updates', () => {
    const m = new Mean();
    expect(m.result()).toBe(0);
    m.update(tf.tensor1d([1, 3, 5, 7]));
    expect(m.result()).toBeCloseTo(4, 6);
    m.update(tf.tensor1d([10, 20]));
    expectClose(m.result(), (16 + 30) / 6);
    m.dispose();
  });

  it('weighs by a per-sample tensor (Keras: [1, 3, 5, 7] with [1, 1, 0, 0] → 2)', () => {
    const m = new Mean();
    m.updateState(tf.tensor1d([1, 3, 5, 7]), tf.tensor1d([1, 1, 0, 0]));
    expectClose(m.result(), 2);
    m.dispose();
  });

  it('a numeric weight weighs the whole update: batch losses weighted by batch size', () => {
    const m = new Mean({ name: 'loss' });
    m.update(tf.scalar(0.5), 128);
    m.update(0.2, 32);
    expectClose(m.result(), (0.5 * 128 + 0.2 * 32) / 160);
    expect(m.name).toBe('loss');
    m.dispose();
  });

  it('averages extra axes per sample first', () => {
    const m = new Mean();
    m.update(tf.tensor2d([[1, 3], [5, 7]]), tf.tensor1d([1, 3]));
    expectClose(m.result(), (2 * 1 + 6 * 3) / 4);
    m.dispose();
  });

  it('resetState zeroes the state', () => {
    const m = new Mean();
    m.update(tf.tensor1d([5]));
    m.resetState();
    expect(m.result()).toBe(0);
    m.update(tf.tensor1d([2]));
    expectClose(m.result(), 2);
    m.dispose();
  });

  it('updates without reading back and without leaking; dispose frees the state', () => {
    const values = tf.tensor1d([1, 2, 3]);
    expectNoLeak(() => {
      const m = new Mean();
      expectNoReadBack(() => {
        for (let i = 0; i < 5; i++) m.update(values, 2);
      });
      expectClose(m.result(), 2);
      m.dispose();
    });
  });
});
