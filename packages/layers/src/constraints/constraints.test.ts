import { tf, UnknownIdentifierError } from '@strata-ml/core';
import { MaxNorm, NonNeg, UnitNorm, getConstraint, serializeConstraint } from '../index';
import { useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

function applied(c: { apply(t: tf.Tensor): tf.Tensor }, values: number[][]): number[] {
  return tf.tidy(() => Array.from(c.apply(tf.tensor2d(values)).dataSync()));
}

describe('constraints', () => {
  it('max_norm rescales only the columns whose norm exceeds maxValue', () => {
    // column norms: 5 and 0.5
    const out = applied(new MaxNorm({ maxValue: 2 }), [[3, 0.3], [4, 0.4]]);
    [1.2, 0.3, 1.6, 0.4].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 5));
  });

  it('non_neg zeroes negatives; unit_norm normalizes columns', () => {
    expect(applied(new NonNeg(), [[-1, 2]])).toEqual([0, 2]);
    const out = applied(new UnitNorm(), [[3, 0], [4, 2]]);
    [0.6, 0, 0.8, 1].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 5));
  });

  it('resolve by name and round-trip', () => {
    expect(getConstraint('nonNeg')).toBeInstanceOf(NonNeg);
    const copy = getConstraint(serializeConstraint(new MaxNorm({ maxValue: 3, axis: 1 })));
    expect(copy.getConfig()).toEqual({ maxValue: 3, axis: 1 });
    expect(() => getConstraint('positive')).toThrow(UnknownIdentifierError);
  });
});
