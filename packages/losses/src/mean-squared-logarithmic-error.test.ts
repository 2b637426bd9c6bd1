import { tf } from '@strata-ml/core';
import { MeanSquaredLogarithmicError, meanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('meanSquaredLogarithmicError', () => {
  it('is mean((log1p(p) - log1p(t))^2) with negatives floored at 1e-7', () => {
    const d1 = Math.log(3) - Math.log(2);
    const d2 = Math.log(1 + 1e-7) - Math.log(5);
    expectClose(meanSquaredLogarithmicError(tf.tensor2d([[1, 4]]), tf.tensor2d([[2, -3]])), [(d1 * d1 + d2 * d2) / 2]);
  });

  it('gradient matches finite differences', () => {
    const yTrue = tf.tensor2d([[1, 4], [0.5, 2]]);
    checkGradient((p) => new MeanSquaredLogarithmicError().compute(yTrue, p), tf.tensor2d([[2, 3], [1, 0.2]]));
  });

  it('is named mean_squared_logarithmic_error', () => {
    expect(new MeanSquaredLogarithmicError().name).toBe('mean_squared_logarithmic_error');
  });
});
