import { tf, setRandomSeed, ValueError } from '@strata/core';
import { Dropout } from '../index';
import { expectConfigRoundTrip, expectGradientsMatch, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Dropout', () => {
  it('is the identity at inference', () => {
    const layer = new Dropout(0.5);
    const x = sample([4, 5], 1);
    const y = layer.apply(x);
    expect(y).toBe(x);
    x.dispose();
  });

  it('in training drops about `rate` of the inputs and scales the rest by 1/(1-rate)', () => {
    const layer = new Dropout(0.45, { seed: 3 });
    const x = tf.ones([200, 100]);
    const y = layer.apply(x, { training: true });
    const data = y.dataSync();
    let zeros = 0;
    for (const v of data) {
      if (v === 0) zeros++;
      else expect(v).toBeCloseTo(1 / 0.55, 5);
    }
    expect(Math.abs(zeros / data.length - 0.45)).toBeLessThan(0.01);
    tf.dispose([x, y]);
  });

  it('broadcasts the mask along axes of size 1 in noiseShape', () => {
    const layer = new Dropout(0.5, { noiseShape: [null, 1], seed: 4 });
    const x = tf.ones([50, 6]);
    const y = layer.apply(x, { training: true });
    const rows = y.arraySync() as number[][];
    for (const row of rows) expect(new Set(row).size).toBe(1);
    tf.dispose([x, y]);
  });

  it('draws masks from setRandomSeed when no seed is given, and from its own seed otherwise', () => {
    const x = tf.ones([8, 8]);
    const masks = (make: () => Dropout): number[][] => {
      const layer = make();
      return [0, 1].map(() => tf.tidy(() => Array.from(layer.apply(x, { training: true }).dataSync())));
    };
    setRandomSeed(5);
    const a = masks(() => new Dropout(0.5));
    setRandomSeed(5);
    const b = masks(() => new Dropout(0.5));
    expect(b).toEqual(a);
    expect(a[1]).not.toEqual(a[0]);
    setRandomSeed(6);
    const c = masks(() => new Dropout(0.5, { seed: 1 }));
    setRandomSeed(7);
    expect(masks(() => new Dropout(0.5, { seed: 1 }))).toEqual(c);
    x.dispose();
  });

  it('has the gradient mask/(1-rate) in training (finite differences with a fixed mask)', () => {
    const x = sample([3, 4], 2);
    // The same seed gives the same mask on every call, so the function is deterministic.
    expectGradientsMatch((t) => new Dropout(0.3, { seed: 11 }).apply(t, { training: true }), x, []);
    x.dispose();
  });

  it('round-trips its config and validates the rate', () => {
    const x = sample([2, 3], 3);
    expectConfigRoundTrip(new Dropout(0.25, { noiseShape: [null, 3], seed: 2 }), x);
    x.dispose();
    expect(() => new Dropout(1)).toThrow(ValueError);
    expect(() => new Dropout(1)).toThrow('Dropout: rate must be a number in [0, 1); received rate=1');
  });
});
