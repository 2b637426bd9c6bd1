import { tf } from '@strata-ml/core';
import { ReLU } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

const run = (layer: ReLU, values: number[]): number[] =>
  tf.tidy(() => Array.from(layer.apply(tf.tensor1d(values)).dataSync(), (v) => v + 0)); // + 0 turns -0 into 0

describe('ReLU', () => {
  it('is max(x, 0) by default', () => {
    expect(run(new ReLU(), [-3, 0, 2])).toEqual([0, 0, 2]);
  });

  it('caps at maxValue, and below threshold uses negativeSlope·(x − threshold)', () => {
    expect(run(new ReLU({ maxValue: 6 }), [-1, 3, 7])).toEqual([0, 3, 6]);
    const general = run(new ReLU({ maxValue: 4, negativeSlope: 0.5, threshold: 1 }), [-1, 0.5, 1, 3, 5]);
    [-1, -0.25, 1, 3, 4].forEach((v, i) => expect(general[i]).toBeCloseTo(v, 6));
    // Below the threshold, without a slope, even positive inputs give zero.
    expect(run(new ReLU({ threshold: 2 }), [1, 2, 3])).toEqual([0, 2, 3]);
  });

  it('round-trips, passes the gradient check and validates its arguments', () => {
    const x = sample([3, 4], 1, -3, 6, 0.05);
    const layer = new ReLU({ maxValue: 4, negativeSlope: 0.1, threshold: 0.5 });
    expect(layer.getConfig()).toMatchObject({ maxValue: 4, negativeSlope: 0.1, threshold: 0.5 });
    expectConfigRoundTrip(layer, x);
    expectLayerGradients(layer, x);
    x.dispose();
    expect(() => new ReLU({ maxValue: -1 })).toThrow('ReLU: maxValue must be a number >= 0; received maxValue=-1');
    expect(() => new ReLU({ negativeSlope: -0.1 })).toThrow('ReLU: negativeSlope must be a number >= 0; received negativeSlope=-0.1');
    expect(() => new ReLU({ threshold: -2 })).toThrow('ReLU: threshold must be a number >= 0; received threshold=-2');
  });
});
