import { tf } from '@strata-ml/core';
import { KLDivergence, klDivergence } from './kl-divergence';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('klDivergence', () => {
  it('is sum(t·log(t/p)) with both clipped to [1e-7, 1]', () => {
    const expected = 0.25 * Math.log(0.25 / 0.5) + 0.75 * Math.log(0.75 / 0.5) + 1e-7 * Math.log(1e-7 / 1e-7);
    expectClose(klDivergence(tf.tensor2d([[0.25, 0.75, 0]]), tf.tensor2d([[0.5, 0.5, 0]])), [expected]);
  });

  it('gradient matches finite differences', () => {
    const yTrue = tf.tensor2d([[0.2, 0.8], [0.6, 0.4]]);
    checkGradient((p) => new KLDivergence().compute(yTrue, p), tf.tensor2d([[0.5, 0.5], [0.3, 0.7]]), 1e-3);
  });
});
