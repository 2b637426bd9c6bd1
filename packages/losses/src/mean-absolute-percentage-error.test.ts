import { tf } from '@strata-ml/core';
import { MeanAbsolutePercentageError, meanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('meanAbsolutePercentageError', () => {
  it('is 100·mean(|t - p| / max(|t|, 1e-7))', () => {
    // Row 1: |2-1|/2 = 0.5, |-4+2|/4 = 0.5 → 50. Row 2: |0 - 1e-7| / 1e-7 = 1, |1 - 1.5| / 1 = 0.5 → 75.
    expectClose(meanAbsolutePercentageError(tf.tensor2d([[2, -4], [0, 1]]), tf.tensor2d([[1, -2], [1e-7, 1.5]])), [50, 75], 1e-4);
  });

  it('gradient matches finite differences', () => {
    const yTrue = tf.tensor2d([[2, -4], [3, 1]]);
    checkGradient((p) => new MeanAbsolutePercentageError().compute(yTrue, p), tf.tensor2d([[1, -2], [2, 1.5]]), 1e-2, 2e-2, 2e-2);
  });

  it('is named mean_absolute_percentage_error', () => {
    expect(new MeanAbsolutePercentageError().name).toBe('mean_absolute_percentage_error');
  });
});
