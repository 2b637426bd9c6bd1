import { tf } from '@strata-ml/core';
import { MeanSquaredError, meanSquaredError } from './mean-squared-error';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('meanSquaredError', () => {
  it('is the mean squared difference over the last axis', () => {
    const out = meanSquaredError(tf.tensor2d([[0, 1, 2], [1, 1, 1]]), tf.tensor2d([[0.5, 1, 4], [0, 3, 1]]));
    expect(out.shape).toEqual([2]);
    expectClose(out, [(0.25 + 0 + 4) / 3, (1 + 4 + 0) / 3]);
  });

  it('aligns [N] labels with [N, 1] predictions and casts int labels', () => {
    expectClose(meanSquaredError(tf.tensor1d([1, 2], 'int32'), tf.tensor2d([[0], [4]])), [1, 4]);
  });

  it('has the gradient 2(yPred - yTrue)/n per element, checked by finite differences', () => {
    const yTrue = tf.tensor2d([[0.3, -1.2, 2], [1, 0.5, -0.7]]);
    checkGradient((p) => new MeanSquaredError().compute(yTrue, p), tf.tensor2d([[0.1, 0.4, 1.5], [-0.3, 0.9, 0.2]]));
  });

  it('has Keras name, class name and config', () => {
    const loss = new MeanSquaredError({ reduction: 'sum' });
    expect(loss.name).toBe('mean_squared_error');
    expect(loss.className).toBe('MeanSquaredError');
    expect(loss.getConfig()).toEqual({ name: 'mean_squared_error', reduction: 'sum' });
    expect(new MeanSquaredError(loss.getConfig() as never).reduction).toBe('sum');
  });
});
