import { tf } from '@strata-ml/core';
import { RepeatVector } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('RepeatVector', () => {
  it('repeats each sample n times along a new axis 1', () => {
    const y = tf.tidy(() => new RepeatVector(3).apply(tf.tensor2d([[1, 2], [3, 4]])).arraySync());
    expect(y).toEqual([[[1, 2], [1, 2], [1, 2]], [[3, 4], [3, 4], [3, 4]]]);
  });

  it('computes shapes, round-trips, passes the gradient check and validates n', () => {
    const x = sample([2, 3], 1);
    expectOutputShape(new RepeatVector(4), x, [2, 4, 3]);
    expectConfigRoundTrip(new RepeatVector(2), x);
    expectLayerGradients(new RepeatVector(2), x);
    x.dispose();
    expect(() => new RepeatVector(0)).toThrow('RepeatVector: n must be a positive integer; received n=0');
    const cube = tf.zeros([1, 2, 3]);
    expect(() => new RepeatVector(2, { name: 'rep' }).apply(cube)).toThrow("RepeatVector 'rep': expected input of rank 2, received shape [1, 2, 3]");
    cube.dispose();
  });
});
