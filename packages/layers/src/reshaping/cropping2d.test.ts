import { tf, ShapeError } from '@strata-ml/core';
import { Cropping2D } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Cropping2D', () => {
  it('removes [[top, bottom], [left, right]] from the borders', () => {
    const layer = new Cropping2D({ cropping: [[1, 0], [0, 2]] });
    const rows = tf.tidy(() => tf.squeeze(layer.apply(tf.reshape(tf.range(1, 17), [1, 4, 4, 1])), [0, 3]).arraySync());
    expect(rows).toEqual([[5, 6], [9, 10], [13, 14]]);
  });

  it('computes shapes, round-trips, passes the gradient check, and refuses to crop everything', () => {
    const x = sample([2, 5, 4, 2], 1);
    expectOutputShape(new Cropping2D({ cropping: 1 }), x, [2, 3, 2, 2]);
    expectOutputShape(new Cropping2D({ cropping: [2, 0] }), x, [2, 1, 4, 2]);
    const layer = new Cropping2D({ cropping: [[1, 2], [0, 1]] });
    expectConfigRoundTrip(layer, x);
    expectLayerGradients(layer, x);
    expect(() => new Cropping2D({ cropping: 2, name: 'crop' }).apply(x)).toThrow(ShapeError);
    expect(() => new Cropping2D({ cropping: 2, name: 'crop' }).apply(x)).toThrow(
      "Cropping2D 'crop': expected input larger than the cropping [[2, 2], [2, 2]], received shape [2, 5, 4, 2]",
    );
    x.dispose();
  });
});
