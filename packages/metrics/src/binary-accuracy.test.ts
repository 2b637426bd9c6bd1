import { tf } from '@strata-ml/core';
import { BinaryAccuracy, binaryAccuracy } from './binary-accuracy';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('binaryAccuracy', () => {
  it('thresholds predictions at 0.5 (strictly above counts as 1)', () => {
    expectClose(binaryAccuracy(tf.tensor2d([[1], [1], [0], [0]]), tf.tensor2d([[0.98], [0.5], [0], [0.6]])), [1, 0, 1, 0]);
  });

  it('takes [N] labels against [N, 1] predictions and another threshold', () => {
    expectClose(binaryAccuracy(tf.tensor1d([1, 0]), tf.tensor2d([[0.7], [0.7]]), { threshold: 0.8 }), [0, 1]);
  });

  it('accumulates over updates, weighted', () => {
    const m = new BinaryAccuracy();
    m.updateState(tf.tensor2d([[1], [1], [0], [0]]), tf.tensor2d([[0.98], [1], [0], [0.6]]));
    expectClose(m.result(), 0.75);
    m.updateState(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.9], [0.1]]), tf.tensor1d([2, 2]));
    expectClose(m.result(), (3 + 4) / (4 + 4));
    m.dispose();
  });

  it('validates the threshold and keeps it in the config', () => {
    expect(() => new BinaryAccuracy({ threshold: 1 })).toThrow('BinaryAccuracy: threshold must be a number in (0, 1); received threshold=1');
    const m = new BinaryAccuracy({ threshold: 0.3 });
    expect(m.getConfig()).toEqual({ name: 'binary_accuracy', threshold: 0.3 });
    m.dispose();
  });
});
