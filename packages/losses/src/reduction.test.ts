import { tf, ValueError } from '@strata-ml/core';
import { reduceWeightedValues, standardizeReduction } from './reduction';
import { MeanSquaredError } from './mean-squared-error';
import { expectClose, expectNoLeak, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('reductions', () => {
  const yTrue = [[0, 1], [1, 1], [2, 0]];
  const yPred = [[1, 1], [1, 3], [0, 0]];
  // Per-sample MSE: [(1+0)/2, (0+4)/2, (4+0)/2] = [0.5, 2, 2].
  const perSample = [0.5, 2, 2];

  it('sum_over_batch_size divides the sum by the number of values (Keras default)', () => {
    const loss = new MeanSquaredError();
    expect(loss.reduction).toBe('sum_over_batch_size');
    expectClose(loss.compute(tf.tensor2d(yTrue), tf.tensor2d(yPred)), 4.5 / 3);
  });

  it('sum and none', () => {
    expectClose(new MeanSquaredError({ reduction: 'sum' }).compute(tf.tensor2d(yTrue), tf.tensor2d(yPred)), 4.5);
    const none = new MeanSquaredError({ reduction: 'none' }).compute(tf.tensor2d(yTrue), tf.tensor2d(yPred));
    expect(none.shape).toEqual([3]);
    expectClose(none, perSample);
  });

  it('accepts the camelCase spelling', () => {
    expect(new MeanSquaredError({ reduction: 'sumOverBatchSize' }).reduction).toBe('sum_over_batch_size');
  });

  it('sample weights multiply each sample; the divisor stays the number of values', () => {
    const w = tf.tensor1d([1, 0, 2]);
    expectClose(new MeanSquaredError().compute(tf.tensor2d(yTrue), tf.tensor2d(yPred), w), (0.5 + 0 + 4) / 3);
    expectClose(new MeanSquaredError({ reduction: 'sum' }).compute(tf.tensor2d(yTrue), tf.tensor2d(yPred), w), 4.5);
    // A [batch, 1] weight is aligned with [batch] losses.
    expectClose(new MeanSquaredError({ reduction: 'none' }).compute(tf.tensor2d(yTrue), tf.tensor2d(yPred), tf.tensor2d([[1], [0], [2]])), [0.5, 0, 4]);
  });

  it('a scalar value is returned unreduced', () => {
    expectClose(reduceWeightedValues(tf.scalar(3), undefined, 'sum_over_batch_size'), 3);
  });

  it('rejects an unknown reduction, naming the class and the valid ones', () => {
    expect(() => standardizeReduction('mean', 'MeanSquaredError')).toThrow(ValueError);
    expect(() => new MeanSquaredError({ reduction: 'avg' as never })).toThrow(
      'MeanSquaredError: reduction must be one of sum_over_batch_size, sumOverBatchSize, sum, none; received reduction="avg"',
    );
  });

  it('compute leaves no tensor behind', () => {
    const t = tf.tensor2d(yTrue);
    const p = tf.tensor2d(yPred);
    expectNoLeak(() => new MeanSquaredError().compute(t, p).dispose());
  });
});
