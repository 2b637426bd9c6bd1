import { tf } from '@strata-ml/core';
import { MeanSquaredError, meanSquaredError } from './mean-squared-error';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('meanSquaredError metric', () => {
  it('per sample and as a running mean', () => {
    expectClose(meanSquaredError(tf.tensor2d([[0, 1], [0, 0]]), tf.tensor2d([[1, 1], [1, 1]])), [0.5, 1]);
    const m = new MeanSquaredError();
    m.updateState(tf.tensor2d([[0, 1], [0, 0]]), tf.tensor2d([[1, 1], [1, 1]]));
    m.updateState(tf.tensor2d([[0, 0]]), tf.tensor2d([[3, 3]]));
    expectClose(m.result(), (0.5 + 1 + 9) / 3);
    expect(m.name).toBe('mean_squared_error');
    m.dispose();
  });
});
