import { tf } from '@strata-ml/core';
import { ZeroPadding2D } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('ZeroPadding2D', () => {
  it('adds zero rows and columns: [[top, bottom], [left, right]]', () => {
    const layer = new ZeroPadding2D({ padding: [[1, 0], [0, 2]] });
    const rows = tf.tidy(() => tf.squeeze(layer.apply(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1])), [0, 3]).arraySync());
    expect(rows).toEqual([[0, 0, 0, 0], [1, 2, 0, 0], [3, 4, 0, 0]]);
  });

  it('accepts n and [rows, cols], computes shapes, round-trips and passes the gradient check', () => {
    const x = sample([2, 3, 2, 2], 1);
    expectOutputShape(new ZeroPadding2D(), x, [2, 5, 4, 2]);
    expectOutputShape(new ZeroPadding2D({ padding: [2, 0] }), x, [2, 7, 2, 2]);
    const layer = new ZeroPadding2D({ padding: [[0, 1], [2, 3]] });
    expect(layer.getConfig()['padding']).toEqual([[0, 1], [2, 3]]);
    expectConfigRoundTrip(layer, x);
    expectLayerGradients(layer, x);
    x.dispose();
    expect(() => new ZeroPadding2D({ padding: -1 })).toThrow(
      'ZeroPadding2D: padding must be a non-negative integer, [rows, cols], or [[top, bottom], [left, right]]; received padding=-1',
    );
  });
});
