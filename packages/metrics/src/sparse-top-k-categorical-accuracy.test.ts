import { tf } from '@strata-ml/core';
import { SparseTopKCategoricalAccuracy, sparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('sparseTopKCategoricalAccuracy', () => {
  const p = [[0.1, 0.9, 0.8], [0.05, 0.95, 0]];

  it('k = 1 and k = 2, labels [N] or [N, 1]', () => {
    expectClose(sparseTopKCategoricalAccuracy(tf.tensor1d([2, 1]), tf.tensor2d(p), { k: 1 }), [0, 1]);
    expectClose(sparseTopKCategoricalAccuracy(tf.tensor2d([[2], [2]]), tf.tensor2d(p), { k: 2 }), [1, 0]);
  });

  it('SparseTopKCategoricalAccuracy(k=1): 0.5, then 0.3 weighted', () => {
    const m = new SparseTopKCategoricalAccuracy({ k: 1 });
    m.updateState(tf.tensor1d([2, 1]), tf.tensor2d(p));
    expectClose(m.result(), 0.5);
    m.resetState();
    m.updateState(tf.tensor1d([2, 1]), tf.tensor2d(p), tf.tensor1d([0.7, 0.3]));
    expectClose(m.result(), 0.3);
    m.dispose();
  });
});
