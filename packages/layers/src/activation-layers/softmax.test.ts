import { tf } from '@strata-ml/core';
import { Softmax } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Softmax', () => {
  it('normalizes exp(x) along the last axis by default, or along axis', () => {
    const x = tf.tensor2d([[0, Math.log(3)], [Math.log(2), Math.log(2)]]);
    const last = tf.tidy(() => Array.from(new Softmax().apply(x).dataSync()));
    [0.25, 0.75, 0.5, 0.5].forEach((v, i) => expect(last[i]).toBeCloseTo(v, 6));
    // Along axis 0: column 0 holds exp(0), exp(log 2) → 1/3, 2/3; column 1 holds 3 and 2 → 0.6, 0.4.
    const first = tf.tidy(() => Array.from(new Softmax({ axis: 0 }).apply(x).dataSync()));
    [1 / 3, 0.6, 2 / 3, 0.4].forEach((v, i) => expect(first[i]).toBeCloseTo(v, 6));
    x.dispose();
  });

  it('round-trips, passes the gradient check and validates the axis', () => {
    const x = sample([2, 3, 4], 1);
    expectConfigRoundTrip(new Softmax({ axis: 1 }), x);
    expectLayerGradients(new Softmax({ axis: 1 }), x);
    expectLayerGradients(new Softmax(), x);
    x.dispose();
    expect(() => new Softmax({ axis: 0.5 })).toThrow('Softmax: axis must be an integer; received axis=0.5');
  });
});
