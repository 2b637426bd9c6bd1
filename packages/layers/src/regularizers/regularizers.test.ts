import { tf, UnknownIdentifierError, ValueError } from '@strata-ml/core';
import { L1, L1L2, L2, getRegularizer, l1, l1l2, l2, serializeRegularizer } from '../index';
import { expectGradientsMatch, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

const x = [[1, -2], [3, -0.5]];

function penalty(r: { apply(t: tf.Tensor): tf.Tensor }): number {
  return tf.tidy(() => r.apply(tf.tensor2d(x)).dataSync()[0] as number);
}

describe('regularizers', () => {
  it('compute Keras penalties (no ½ in L2) with Keras default factors 0.01', () => {
    expect(penalty(l1())).toBeCloseTo(0.01 * 6.5, 6);
    expect(penalty(l2())).toBeCloseTo(0.01 * 14.25, 6);
    expect(penalty(l2(0.001))).toBeCloseTo(0.001 * 14.25, 7);
    expect(penalty(l1l2())).toBeCloseTo(0.01 * 6.5 + 0.01 * 14.25, 6);
    expect(penalty(new L1L2())).toBe(0);
    expect(penalty(new L1L2({ l1: 0.1, l2: 0.2 }))).toBeCloseTo(0.65 + 2.85, 5);
  });

  it.each([
    ['l1', l1(0.3)],
    ['l2', l2(0.3)],
    ['l1_l2', l1l2({ l1: 0.2, l2: 0.4 })],
  ])('%s passes the finite-difference gradient check', (_name, r) => {
    const w = sample([3, 4], 5, -1, 1, 0.1);
    expectGradientsMatch((t) => tf.reshape(r.apply(t), [1]), w, []);
    w.dispose();
  });

  it('resolve by name, serialized form or instance, and round-trip', () => {
    expect(getRegularizer('l2')).toBeInstanceOf(L2);
    expect((getRegularizer('l2') as L2).l2).toBe(0.01);
    expect(getRegularizer('l1')).toBeInstanceOf(L1);
    expect(getRegularizer('l1L2').getConfig()).toEqual({ l1: 0.01, l2: 0.01 });
    const r = l2(0.001);
    expect(getRegularizer(r)).toBe(r);
    const copy = getRegularizer(JSON.parse(JSON.stringify(serializeRegularizer(r))));
    expect(copy).toBeInstanceOf(L2);
    expect(copy.getConfig()).toEqual({ l2: 0.001 });
  });

  it('reject unknown names and negative factors', () => {
    expect(() => getRegularizer('l3')).toThrow(UnknownIdentifierError);
    expect(() => getRegularizer('l3')).toThrow('getRegularizer: unknown regularizer "l3"; valid regularizers are: l1, l1_l2, l2');
    expect(() => l2(-1)).toThrow(ValueError);
    expect(() => l2(-1)).toThrow('L2: l2 must be a non-negative finite number; received l2=-1');
  });
});
