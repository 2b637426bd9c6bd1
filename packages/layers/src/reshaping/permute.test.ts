import { tf } from '@strata-ml/core';
import { Permute, SymbolicTensor } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Permute', () => {
  it('reorders the non-batch axes, numbered from 1', () => {
    const y = tf.tidy(() => new Permute([2, 1]).apply(tf.tensor3d([[[1, 2, 3], [4, 5, 6]]])).arraySync());
    expect(y).toEqual([[[1, 4], [2, 5], [3, 6]]]);
    expect(new Permute([3, 1, 2]).apply(new SymbolicTensor({ shape: [null, 4, 5, 6] })).shape).toEqual([null, 6, 4, 5]);
  });

  it('computes shapes, round-trips, passes the gradient check and validates dims', () => {
    const x = sample([2, 3, 4, 2], 1);
    expectOutputShape(new Permute([2, 3, 1]), x, [2, 4, 2, 3]);
    expectConfigRoundTrip(new Permute([3, 1, 2]), x);
    expectLayerGradients(new Permute([3, 1, 2]), x);
    x.dispose();
    expect(() => new Permute([0, 1])).toThrow('Permute: dims must be a permutation of 1..n (the batch axis 0 excluded); received dims=[0, 1]');
    expect(() => new Permute([1, 1])).toThrow('received dims=[1, 1]');
  });
});
