import { tf } from '@strata-ml/core';
import { SparseCategoricalAccuracy, sparseCategoricalAccuracy } from './sparse-categorical-accuracy';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('sparseCategoricalAccuracy', () => {
  const p = [[0.1, 0.6, 0.3], [0.05, 0.95, 0]];

  it('compares integer labels with the arg-max, for [N], [N, 1] and int32 labels', () => {
    expectClose(sparseCategoricalAccuracy(tf.tensor1d([2, 1]), tf.tensor2d(p)), [0, 1]);
    expectClose(sparseCategoricalAccuracy(tf.tensor2d([[2], [1]]), tf.tensor2d(p)), [0, 1]);
    expectClose(sparseCategoricalAccuracy(tf.tensor1d([1, 1], 'int32'), tf.tensor2d(p)), [1, 1]);
  });

  it('SparseCategoricalAccuracy: 0.5, then 0.3 with weights [0.7, 0.3]', () => {
    const m = new SparseCategoricalAccuracy();
    m.updateState(tf.tensor2d([[2], [1]]), tf.tensor2d(p));
    expectClose(m.result(), 0.5);
    m.resetState();
    m.updateState(tf.tensor2d([[2], [1]]), tf.tensor2d(p), tf.tensor1d([0.7, 0.3]));
    expectClose(m.result(), 0.3);
    expect(m.name).toBe('sparse_categorical_accuracy');
    m.dispose();
  });
});
