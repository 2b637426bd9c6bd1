import { tf } from '@strata-ml/core';
import { CategoricalHinge, categoricalHinge } from './categorical-hinge';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('categoricalHinge', () => {
  it('is max(max wrong - true + 1, 0)', () => {
    // Row 1: pos 0.6, neg max(0.3, 0.1) = 0.3 → 0.7. Row 2: pos 3, neg 0.5 → max(-1.5, 0) = 0.
    expectClose(categoricalHinge(tf.tensor2d([[0, 1, 0], [1, 0, 0]]), tf.tensor2d([[0.3, 0.6, 0.1], [3, 0.5, 0.2]])), [0.7, 0]);
  });

  it('gradient matches finite differences', () => {
    const yTrue = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
    checkGradient((p) => new CategoricalHinge().compute(yTrue, p), tf.tensor2d([[0.3, 0.6, 0.1], [0.2, 0.5, -0.4]]));
  });
});
