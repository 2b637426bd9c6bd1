import { tf } from '@strata-ml/core';
import { MeanAbsoluteError, meanAbsoluteError } from './mean-absolute-error';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('meanAbsoluteError', () => {
  it('is the mean absolute difference over the last axis', () => {
    expectClose(meanAbsoluteError(tf.tensor2d([[0, 1], [2, -1]]), tf.tensor2d([[1, 3], [2, 1]])), [1.5, 1]);
  });

  it('gradient matches finite differences away from the kink', () => {
    const yTrue = tf.tensor2d([[0.3, -1.2], [1, 0.5]]);
    checkGradient((p) => new MeanAbsoluteError().compute(yTrue, p), tf.tensor2d([[0.9, 0.4], [-0.3, 0.9]]));
  });

  it('is named mean_absolute_error', () => {
    expect(new MeanAbsoluteError().name).toBe('mean_absolute_error');
  });
});
