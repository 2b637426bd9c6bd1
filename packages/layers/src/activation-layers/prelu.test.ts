import { tf, ShapeError } from '@strata-ml/core';
import { PReLU } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('PReLU', () => {
  it('starts as ReLU (alpha zeros) and multiplies negatives by the learned alpha', () => {
    const layer = new PReLU();
    const x = tf.tensor2d([[-2, 3], [4, -1]]);
    expect(tf.tidy(() => Array.from(layer.apply(x).dataSync(), (v) => v + 0))).toEqual([0, 3, 4, 0]); // + 0 turns -0 into 0
    const alpha = tf.tensor1d([0.5, 0.25]);
    layer.setWeights([alpha]);
    expect(tf.tidy(() => Array.from(layer.apply(x).dataSync()))).toEqual([-1, 3, 4, -0.25]);
    tf.dispose([x, alpha]);
    layer.dispose();
  });

  it('shares one slope along sharedAxes (one per channel for images)', () => {
    const layer = new PReLU({ sharedAxes: [1, 2] });
    layer.build([null, 5, 5, 3]);
    expect(layer.weights.map((w) => w.shape)).toEqual([[1, 1, 3]]);
    expect(layer.countParams()).toBe(3);
    layer.dispose();
    const full = new PReLU();
    full.build([null, 5, 5, 3]);
    expect(full.countParams()).toBe(75);
    full.dispose();
  });

  it('round-trips, passes the gradient check (input and alpha) and checks shapes', () => {
    const x = sample([3, 2, 4], 1, -1, 1, 0.05);
    const layer = new PReLU({ alphaInitializer: { className: 'Constant', config: { value: 0.2 } }, sharedAxes: [1] });
    expectConfigRoundTrip(layer, x);
    expectLayerGradients(layer, x);
    const wrong = tf.zeros([3, 2, 5]);
    expect(() => layer.apply(wrong)).toThrow(ShapeError);
    expect(() => layer.apply(wrong)).toThrow(`PReLU '${layer.name}': expected input axis 2 of size 4, received shape [3, 2, 5]`);
    tf.dispose([x, wrong]);
    layer.dispose();
    expect(() => new PReLU({ sharedAxes: [0] })).toThrow('PReLU: sharedAxes must be an array of axes >= 1 (the batch axis 0 excluded); received sharedAxes=[0]');
  });
});
