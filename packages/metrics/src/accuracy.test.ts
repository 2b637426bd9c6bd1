import { tf } from '@strata-ml/core';
import { Accuracy, accuracy } from './accuracy';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('accuracy (exact match)', () => {
  it('compares values exactly', () => {
    expectClose(accuracy(tf.tensor2d([[1], [2], [3], [4]]), tf.tensor2d([[0], [2], [3], [4]])), [0, 1, 1, 1]);
  });

  it('Accuracy accumulates with sample weights', () => {
    const m = new Accuracy();
    m.updateState(tf.tensor2d([[1], [2], [3], [4]]), tf.tensor2d([[0], [2], [3], [4]]));
    expectClose(m.result(), 0.75);
    m.resetState();
    m.updateState(tf.tensor2d([[1], [2], [3], [4]]), tf.tensor2d([[0], [2], [3], [4]]), tf.tensor1d([1, 1, 0, 0]));
    expectClose(m.result(), 0.5);
    expect(m.name).toBe('accuracy');
    m.dispose();
  });
});
