import { tf } from '@strata-ml/core';
import { Huber, huber } from './huber';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('huber', () => {
  it('is quadratic inside delta and linear outside', () => {
    // errors 0.5 → 0.125; 3 → 3 - 0.5 = 2.5 (delta 1). With delta 2: 0.125 and 2·3 - 2 = 4.
    expectClose(huber(tf.tensor2d([[0, 0]]), tf.tensor2d([[0.5, -3]])), [(0.125 + 2.5) / 2]);
    expectClose(huber(tf.tensor2d([[0, 0]]), tf.tensor2d([[0.5, -3]]), { delta: 2 }), [(0.125 + 4) / 2]);
  });

  it('gradient matches finite differences on both branches', () => {
    const yTrue = tf.tensor2d([[0, 1], [2, -1]]);
    checkGradient((p) => new Huber({ delta: 1.5 }).compute(yTrue, p), tf.tensor2d([[0.4, 4], [-1, -0.2]]));
  });

  it('validates delta and round-trips its config', () => {
    expect(() => new Huber({ delta: 0 })).toThrow('Huber: delta must be a positive number; received delta=0');
    const loss = new Huber({ delta: 2 });
    expect(loss.name).toBe('huber_loss');
    expect(new Huber(loss.getConfig() as never).getConfig()).toEqual({ name: 'huber_loss', reduction: 'sum_over_batch_size', delta: 2 });
  });
});
