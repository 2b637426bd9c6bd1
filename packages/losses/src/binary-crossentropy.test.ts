import { tf, ShapeError } from '@strata-ml/core';
import { BinaryCrossentropy, binaryCrossentropy } from './binary-crossentropy';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

const EPS = 1e-7;

function bce(t: number, p: number): number {
  const q = Math.min(Math.max(p, EPS), 1 - EPS);
  return -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
}

function bceLogits(t: number, x: number): number {
  return Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x)));
}

describe('binaryCrossentropy', () => {
  it('is the mean over the last axis of -(t log p + (1-t) log(1-p)), clipped', () => {
    const out = binaryCrossentropy(tf.tensor2d([[1, 0], [0, 1]]), tf.tensor2d([[0.9, 0.2], [0, 1]]));
    expectClose(out, [(bce(1, 0.9) + bce(0, 0.2)) / 2, (bce(0, 0) + bce(1, 1)) / 2]);
  });

  it('aligns [N] labels with [N, 1] predictions', () => {
    expectClose(binaryCrossentropy(tf.tensor1d([1, 0]), tf.tensor2d([[0.9], [0.3]])), [bce(1, 0.9), bce(0, 0.3)]);
  });

  it('label smoothing moves targets toward 0.5', () => {
    const t = 1 * 0.8 + 0.1;
    expectClose(binaryCrossentropy(tf.tensor2d([[1]]), tf.tensor2d([[0.7]]), { labelSmoothing: 0.2 }), [bce(t, 0.7)]);
  });

  it('from logits is exact and stable for huge logits', () => {
    const x = [[3, -2], [500, -500]];
    const t = [[1, 1], [0, 0]];
    const out = binaryCrossentropy(tf.tensor2d(t), tf.tensor2d(x), { fromLogits: true });
    expectClose(out, [(bceLogits(1, 3) + bceLogits(1, -2)) / 2, (500 + 0) / 2]);
  });

  it('gradient matches finite differences (probabilities, logits, smoothing)', () => {
    const t = tf.tensor2d([[1, 0], [0, 1]]);
    checkGradient((p) => new BinaryCrossentropy({ labelSmoothing: 0.1 }).compute(t, p), tf.tensor2d([[0.7, 0.2], [0.4, 0.6]]), 1e-3);
    checkGradient((p) => new BinaryCrossentropy({ fromLogits: true }).compute(t, p), tf.tensor2d([[0.7, -2], [1.4, 0.1]]));
  });

  it('rejects mismatched shapes', () => {
    expect(() => binaryCrossentropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, 0.5, 0.5]]))).toThrow(ShapeError);
  });

  it('round-trips its config', () => {
    const config = new BinaryCrossentropy({ fromLogits: true, labelSmoothing: 0.05 }).getConfig();
    expect(config).toEqual({ name: 'binary_crossentropy', reduction: 'sum_over_batch_size', fromLogits: true, labelSmoothing: 0.05, axis: -1 });
    expect(new BinaryCrossentropy(config as never).getConfig()).toEqual(config);
  });
});
