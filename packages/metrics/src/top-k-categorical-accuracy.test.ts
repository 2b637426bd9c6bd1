import { tf } from '@strata-ml/core';
import { inTopK, TopKCategoricalAccuracy, topKCategoricalAccuracy } from './top-k-categorical-accuracy';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('topKCategoricalAccuracy', () => {
  const t = [[0, 0, 1], [0, 1, 0]];
  const p = [[0.1, 0.9, 0.8], [0.05, 0.95, 0]];

  it('k = 1 and k = 2', () => {
    expectClose(topKCategoricalAccuracy(tf.tensor2d(t), tf.tensor2d(p), { k: 1 }), [0, 1]);
    expectClose(topKCategoricalAccuracy(tf.tensor2d(t), tf.tensor2d(p), { k: 2 }), [1, 1]);
  });

  it('defaults to k = 5 (every class of 3 is a hit)', () => {
    expectClose(topKCategoricalAccuracy(tf.tensor2d(t), tf.tensor2d(p)), [1, 1]);
  });

  it('counts ties at the boundary as in the top k, as in_top_k does', () => {
    expectClose(inTopK(tf.tensor1d([0, 2]), tf.tensor2d([[0.5, 0.5, 0.1], [0.5, 0.5, 0.1]]), 1), [1, 0]);
  });

  it('TopKCategoricalAccuracy(k=1): 0.5, then 0.3 weighted; config keeps k', () => {
    const m = new TopKCategoricalAccuracy({ k: 1 });
    m.updateState(tf.tensor2d(t), tf.tensor2d(p));
    expectClose(m.result(), 0.5);
    m.resetState();
    m.updateState(tf.tensor2d(t), tf.tensor2d(p), tf.tensor1d([0.7, 0.3]));
    expectClose(m.result(), 0.3);
    expect(m.getConfig()).toEqual({ name: 'top_k_categorical_accuracy', k: 1 });
    expect(() => new TopKCategoricalAccuracy({ k: 0 })).toThrow('TopKCategoricalAccuracy: k must be a positive integer; received k=0');
    m.dispose();
  });
});
