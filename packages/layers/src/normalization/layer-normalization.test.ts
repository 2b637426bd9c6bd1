import { tf } from '@strata-ml/core';
import { LayerNormalization } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('LayerNormalization', () => {
  it('normalizes each sample over its last axis (epsilon 1e-3)', () => {
    const layer = new LayerNormalization();
    expect(layer.getConfig()).toMatchObject({ axis: -1, epsilon: 1e-3, center: true, scale: true });
    const x = tf.tensor2d([[1, 2, 3], [2, 4, 6]]);
    const y = layer.apply(x);
    // Row 0: mean 2, variance 2/3; row 1: mean 4, variance 8/3.
    const a = 1 / Math.sqrt(2 / 3 + 1e-3);
    const b = 2 / Math.sqrt(8 / 3 + 1e-3);
    Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([-a, 0, a, -b, 0, b][i] as number, 5));
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['gamma', [3]], ['beta', [3]]]);
    tf.dispose([x, y]);
    layer.dispose();
  });

  it('normalizes over several axes, round-trips and passes the gradient check', () => {
    const x = sample([2, 3, 4], 1);
    const layer = new LayerNormalization({ axis: [1, 2], gammaInitializer: 'random_normal', betaInitializer: 'random_normal' });
    expectOutputShape(layer, x, [2, 3, 4]);
    expect(layer.weights.map((w) => w.shape)).toEqual([[3, 4], [3, 4]]);
    expectConfigRoundTrip(layer, x).dispose();
    expectLayerGradients(layer, x);
    const last = new LayerNormalization({ scale: false });
    expectLayerGradients(last, x);
    expect(last.weights.map((w) => w.name)).toEqual(['beta']);
    x.dispose();
    layer.dispose();
    last.dispose();
  });

  it('rejects bad arguments', () => {
    expect(() => new LayerNormalization({ axis: [] })).toThrow('LayerNormalization: axis must be an integer or a non-empty array of integers; received axis=[]');
    expect(() => new LayerNormalization({ epsilon: -1 })).toThrow('LayerNormalization: epsilon must be a positive number; received epsilon=-1');
  });
});
