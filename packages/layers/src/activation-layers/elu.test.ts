import { tf } from '@strata-ml/core';
import { ELU } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('ELU', () => {
  it('is x above zero and alpha·(exp(x) − 1) below', () => {
    const x = tf.tensor1d([-1, 0, 2]);
    const y = tf.tidy(() => Array.from(new ELU({ alpha: 0.5 }).apply(x).dataSync()));
    [0.5 * (Math.exp(-1) - 1), 0, 2].forEach((v, i) => expect(y[i]).toBeCloseTo(v, 6));
    const d = tf.tidy(() => Array.from(new ELU().apply(x).dataSync()));
    expect(d[0]).toBeCloseTo(Math.exp(-1) - 1, 6);
    x.dispose();
  });

  it('round-trips, passes the gradient check and validates alpha', () => {
    const x = sample([3, 4], 1, -2, 2, 0.05);
    expectConfigRoundTrip(new ELU({ alpha: 2 }), x);
    expectLayerGradients(new ELU({ alpha: 2 }), x);
    x.dispose();
    expect(() => new ELU({ alpha: Number.NaN })).toThrow('ELU: alpha must be a finite number; received alpha=NaN');
  });
});
