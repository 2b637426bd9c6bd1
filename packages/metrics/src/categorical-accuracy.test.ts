import { tf } from '@strata-ml/core';
import { CategoricalAccuracy, categoricalAccuracy } from './categorical-accuracy';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('categoricalAccuracy', () => {
  it('compares the arg-max of one-hot labels and predictions', () => {
    expectClose(categoricalAccuracy(tf.tensor2d([[0, 0, 1], [0, 1, 0]]), tf.tensor2d([[0.1, 0.9, 0.8], [0.05, 0.95, 0]])), [0, 1]);
  });

  it('CategoricalAccuracy: 0.5, then 0.3 with weights [0.7, 0.3]', () => {
    const m = new CategoricalAccuracy();
    const t = tf.tensor2d([[0, 0, 1], [0, 1, 0]]);
    const p = tf.tensor2d([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]);
    m.updateState(t, p);
    expectClose(m.result(), 0.5);
    m.resetState();
    m.updateState(t, p, tf.tensor1d([0.7, 0.3]));
    expectClose(m.result(), 0.3);
    m.dispose();
  });
});
