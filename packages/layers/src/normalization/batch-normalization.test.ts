import { tf, ValueError } from '@strata-ml/core';
import { BatchNormalization } from '../index';
import { expectConfigRoundTrip, expectGradientsMatch, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());

function expectAllClose(actual: number[], expected: number[], digits = 5): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, digits));
}

describe('BatchNormalization', () => {
  // Two features over a batch of two: means [2, 4], biased variances [1, 4].
  const batch = (): tf.Tensor2D => tf.tensor2d([[1, 2], [3, 6]]);

  it('has Keras defaults: momentum 0.99, epsilon 1e-3, moving statistics non-trainable', () => {
    const layer = new BatchNormalization();
    expect(layer.getConfig()).toMatchObject({ axis: -1, momentum: 0.99, epsilon: 1e-3, center: true, scale: true });
    layer.build([null, 4, 4, 3]);
    expect(layer.trainableWeights.map((w) => [w.name, w.shape])).toEqual([['gamma', [3]], ['beta', [3]]]);
    expect(layer.nonTrainableWeights.map((w) => [w.name, w.shape])).toEqual([['moving_mean', [3]], ['moving_variance', [3]]]);
    expect(layer.countParams()).toBe(12);
    layer.dispose();
  });

  it('normalizes with batch statistics in training and updates the moving statistics once per call', () => {
    const layer = new BatchNormalization();
    const x = batch();
    const y = layer.apply(x, { training: true });
    const s0 = Math.sqrt(1 + 1e-3);
    const s1 = Math.sqrt(4 + 1e-3);
    expectAllClose(values(y), [-1 / s0, -2 / s1, 1 / s0, 2 / s1]);
    // moving = moving·0.99 + batch·0.01, from mean 0 and variance 1.
    expectAllClose(values((layer.movingMean as NonNullable<typeof layer.movingMean>).variable), [0.02, 0.04], 6);
    expectAllClose(values((layer.movingVariance as NonNullable<typeof layer.movingVariance>).variable), [1, 1.03], 6);
    tf.dispose([x, y]);
    layer.dispose();
  });

  it('uses the moving statistics at inference and leaves them alone', () => {
    const layer = new BatchNormalization({ momentum: 0.5 });
    const x = batch();
    const before = layer.apply(x);
    // Fresh statistics (mean 0, variance 1): y = x / sqrt(1.001).
    expectAllClose(values(before), [1, 2, 3, 6].map((v) => v / Math.sqrt(1.001)));
    tf.dispose(layer.apply(x, { training: true }));
    // After one step with momentum 0.5: mean [1, 2], variance [1, 2.5].
    const stats = layer.getWeights().slice(2).map(values);
    expectAllClose(stats[0] as number[], [1, 2]);
    expectAllClose(stats[1] as number[], [1, 2.5]);
    const after = layer.apply(x);
    const expected = [[1, 2], [3, 6]].flatMap(([a, b]) => [((a as number) - 1) / Math.sqrt(1.001), ((b as number) - 2) / Math.sqrt(2.501)]);
    expectAllClose(values(after), expected);
    expectAllClose(layer.getWeights().slice(2).flatMap(values), [1, 2, 1, 2.5]);
    tf.dispose([x, before, after]);
    layer.dispose();
  });

  it('applies gamma and beta, and a frozen layer runs in inference mode even when training', () => {
    const layer = new BatchNormalization({ gammaInitializer: { className: 'Constant', config: { value: 2 } }, betaInitializer: 'ones' });
    const x = batch();
    const y = layer.apply(x, { training: true });
    expectAllClose(values(y), [1 - 2 / Math.sqrt(1.001), 1 - 4 / Math.sqrt(4.001), 1 + 2 / Math.sqrt(1.001), 1 + 4 / Math.sqrt(4.001)]);
    layer.trainable = false;
    const frozen = layer.apply(x, { training: true });
    const mean = [0.02, 0.04];
    const variance = [1, 1.03];
    expectAllClose(values(frozen), [1, 2, 3, 6].map((v, i) => 2 * (v - (mean[i % 2] as number)) / Math.sqrt((variance[i % 2] as number) + 1e-3) + 1));
    expectAllClose(layer.getWeights().slice(2).flatMap(values), [0.02, 0.04, 1, 1.03], 6);
    tf.dispose([x, y, frozen]);
    layer.dispose();
  });

  it('normalizes conv feature maps per channel', () => {
    const layer = new BatchNormalization();
    const x = sample([4, 3, 3, 2], 1, 0, 5);
    expectOutputShape(layer, x, [4, 3, 3, 2], true);
    const y = layer.apply(x, { training: true });
    const { mean, variance } = tf.moments(y, [0, 1, 2]);
    expectAllClose(values(mean), [0, 0]);
    expectAllClose(values(variance), [1, 1], 2);
    tf.dispose([x, y, mean, variance]);
    layer.dispose();
  });

  it('round-trips its config (moving statistics included) and passes the gradient checks', () => {
    const x = sample([4, 3], 2, -2, 2);
    const layer = new BatchNormalization({ axis: 1, momentum: 0.9, center: false });
    tf.dispose(layer.apply(x, { training: true }));
    expectConfigRoundTrip(layer, x).dispose();
    // Inference: an affine map of x. Training: the batch statistics depend on x as well.
    expectLayerGradients(layer, x);
    const trained = new BatchNormalization({ betaInitializer: 'random_normal', gammaInitializer: 'random_normal' });
    tf.dispose(trained.apply(x));
    expectGradientsMatch((t) => trained.apply(t, { training: true }), x, trained.trainableWeights.map((w) => w.variable));
    x.dispose();
    layer.dispose();
    trained.dispose();
  });

  it('rejects bad arguments and does not leak tensors', () => {
    expect(() => new BatchNormalization({ momentum: 1.5 })).toThrow(ValueError);
    expect(() => new BatchNormalization({ momentum: 1.5 })).toThrow('BatchNormalization: momentum must be a number in [0, 1]; received momentum=1.5');
    expect(() => new BatchNormalization({ epsilon: 0 })).toThrow('BatchNormalization: epsilon must be a positive number; received epsilon=0');
    const x = tf.zeros([2, 3]);
    expect(() => new BatchNormalization({ axis: 0 }).apply(x)).toThrow('axis must be a non-batch axis of inputs of rank 2; received axis=0');
    const layer = new BatchNormalization();
    tf.dispose(layer.apply(x, { training: true }));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tf.dispose([layer.apply(x, { training: true }), layer.apply(x)]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    layer.dispose();
  });
});
