import { tf } from '@strata-ml/core';
import { convertBinaryLabelsToHinge, Hinge, hinge } from './hinge';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('hinge', () => {
  it('converts {0, 1} labels to {-1, 1} and leaves others alone', () => {
    expectClose(convertBinaryLabelsToHinge(tf.tensor1d([0, 1, 1])), [-1, 1, 1]);
    expectClose(convertBinaryLabelsToHinge(tf.tensor1d([-1, 1, 1])), [-1, 1, 1]);
  });

  it('is mean(max(1 - t·p, 0))', () => {
    // Labels 0/1 → -1/1: max(1 - (-1)(0.3), 0) = 1.3, max(1 - 2, 0) = 0.
    expectClose(hinge(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.3, 2]])), [1.3 / 2]);
  });

  it('gradient matches finite differences away from the hinge', () => {
    const yTrue = tf.tensor2d([[-1, 1], [1, -1]]);
    checkGradient((p) => new Hinge().compute(yTrue, p), tf.tensor2d([[0.3, 0.2], [2, -0.5]]));
  });
});
