import { tf } from '@strata-ml/core';
import { LeakyReLU } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('LeakyReLU', () => {
  it('scales negative inputs by negativeSlope, default 0.3 as the Keras 3 layer', () => {
    const x = tf.tensor1d([-2, -0.5, 0, 1.5]);
    const y = tf.tidy(() => Array.from(new LeakyReLU().apply(x).dataSync()));
    [-0.6, -0.15, 0, 1.5].forEach((v, i) => expect(y[i]).toBeCloseTo(v, 6));
    const z = tf.tidy(() => Array.from(new LeakyReLU({ negativeSlope: 0.1 }).apply(x).dataSync()));
    [-0.2, -0.05, 0, 1.5].forEach((v, i) => expect(z[i]).toBeCloseTo(v, 6));
    x.dispose();
    expect(new LeakyReLU().getConfig()['negativeSlope']).toBe(0.3);
  });

  it('round-trips, passes the gradient check and validates the slope', () => {
    const x = sample([3, 4], 1, -1, 1, 0.05);
    expectConfigRoundTrip(new LeakyReLU({ negativeSlope: 0.2 }), x);
    expectLayerGradients(new LeakyReLU(), x);
    x.dispose();
    expect(() => new LeakyReLU({ negativeSlope: -1 })).toThrow('LeakyReLU: negativeSlope must be a number >= 0; received negativeSlope=-1');
  });
});
