import { tf, ShapeError, ValueError } from '@strata-ml/core';
import { Reshape } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Reshape', () => {
  it('reshapes each sample and infers -1', () => {
    const layer = new Reshape([28, -1]);
    const x = tf.zeros([3, 784]);
    expectOutputShape(layer, x, [3, 28, 28]);
    expect(layer.computeOutputShape([null, 784])).toEqual([null, 28, 28]);
    expect(layer.computeOutputShape([null, null])).toEqual([null, 28, null]);
    x.dispose();
  });

  it('round-trips and passes the gradient check', () => {
    const x = sample([2, 6], 1);
    expectConfigRoundTrip(new Reshape([3, 2]), x);
    expectLayerGradients(new Reshape([-1, 3]), x);
    x.dispose();
  });

  it('rejects incompatible sizes and bad target shapes', () => {
    const x = tf.zeros([2, 10]);
    const layer = new Reshape([3, -1], { name: 'reshape_bad' });
    expect(() => layer.apply(x)).toThrow(ShapeError);
    expect(() => layer.apply(x)).toThrow(
      "Reshape 'reshape_bad': expected input with a per-sample size that fits target shape [3, -1], received shape [2, 10]",
    );
    expect(() => new Reshape([-1, -1])).toThrow(ValueError);
    x.dispose();
  });
});
