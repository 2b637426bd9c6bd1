import { tf } from '@strata-ml/core';
import { MeanAbsoluteError, meanAbsoluteError } from './mean-absolute-error';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('meanAbsoluteError metric', () => {
  it('per sample and as a running mean', () => {
    expectClose(meanAbsoluteError(tf.tensor2d([[0, 1], [0, 0]]), tf.tensor2d([[1, 1], [1, -3]])), [0.5, 2]);
    const m = new MeanAbsoluteError();
    m.updateState(tf.tensor2d([[0, 1], [0, 0]]), tf.tensor2d([[1, 1], [1, -3]]));
    expectClose(m.result(), 1.25);
    m.dispose();
  });
});
