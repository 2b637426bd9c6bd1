import { tf, ShapeError } from '@strata-ml/core';
import { CategoricalCrossentropy, categoricalCrossentropy } from './categorical-crossentropy';
import { checkGradient, expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

const EPS = 1e-7;

/** float64 reference: renormalise, clip, -sum(t·log p). */
function reference(t: number[], p: number[], smoothing = 0): number {
  const s = p.reduce((a, b) => a + b, 0);
  return -t.reduce((acc, ti, i) => {
    const target = ti * (1 - smoothing) + smoothing / t.length;
    return acc + target * Math.log(Math.min(Math.max((p[i] as number) / s, EPS), 1 - EPS));
  }, 0);
}

function logSoftmax(x: number[]): number[] {
  const m = Math.max(...x);
  const lse = m + Math.log(x.reduce((a, v) => a + Math.exp(v - m), 0));
  return x.map((v) => v - lse);
}

describe('categoricalCrossentropy', () => {
  const yTrue = [[0, 1, 0], [0, 0, 1]];
  const yPred = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]];

  it('matches -sum(t·log p) with Keras clipping (a zero probability stays finite)', () => {
    const out = categoricalCrossentropy(tf.tensor2d(yTrue), tf.tensor2d(yPred));
    expectClose(out, [reference(yTrue[0]!, yPred[0]!), reference(yTrue[1]!, yPred[1]!)]);
    // The true class predicted at probability 0 costs -log(1e-7).
    expectClose(categoricalCrossentropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 1]])), [-Math.log(EPS)], 1e-4);
  });

  it('renormalises predictions that do not sum to 1', () => {
    expectClose(categoricalCrossentropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[1, 3]])), [-Math.log(0.25)]);
  });

  it('applies label smoothing as t·(1 - s) + s / numClasses', () => {
    const out = categoricalCrossentropy(tf.tensor2d(yTrue), tf.tensor2d(yPred), { labelSmoothing: 0.2 });
    expectClose(out, [reference(yTrue[0]!, yPred[0]!, 0.2), reference(yTrue[1]!, yPred[1]!, 0.2)]);
  });

  it('from logits uses the log-softmax, stable for huge logits', () => {
    const logits = [[2, -1, 0.5], [1000, 0, -1000]];
    const t = [[0, 0, 1], [0, 1, 0]];
    const out = categoricalCrossentropy(tf.tensor2d(t), tf.tensor2d(logits), { fromLogits: true });
    expectClose(out, [-(logSoftmax(logits[0]!)[2] as number), 1000]);
  });

  it('supports another class axis', () => {
    // Classes along axis 0: column j is one sample.
    const out = categoricalCrossentropy(tf.tensor2d([[1, 0], [0, 1]]), tf.tensor2d([[0.6, 0.3], [0.4, 0.7]]), { axis: 0 });
    expectClose(out, [-Math.log(0.6), -Math.log(0.7)]);
  });

  it('gradient matches finite differences, from probabilities and from logits, with smoothing', () => {
    const t = tf.tensor2d(yTrue);
    checkGradient((p) => new CategoricalCrossentropy({ labelSmoothing: 0.1 }).compute(t, p), tf.tensor2d([[0.2, 0.5, 0.3], [0.3, 0.3, 0.4]]), 1e-3);
    checkGradient((p) => new CategoricalCrossentropy({ fromLogits: true }).compute(t, p), tf.tensor2d([[0.2, -1, 2], [1.5, 0.3, -0.4]]));
  });

  it('rejects mismatched shapes and bad arguments with the received values', () => {
    expect(() => categoricalCrossentropy(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.2, 0.3, 0.5]]))).toThrow(ShapeError);
    expect(() => categoricalCrossentropy(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.2, 0.3, 0.5]]))).toThrow(
      'categoricalCrossentropy: expected yTrue the shape of yPred [1, 3], received shape [1, 2]',
    );
    expect(() => new CategoricalCrossentropy({ labelSmoothing: 1.5 })).toThrow(
      'CategoricalCrossentropy: labelSmoothing must be a number in [0, 1]; received labelSmoothing=1.5',
    );
    expect(() => categoricalCrossentropy(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.5, 0.5]]), { axis: 2 })).toThrow(
      'categoricalCrossentropy: axis must be an integer in [-2, 1] for yPred of rank 2; received axis=2',
    );
  });

  it('round-trips its config', () => {
    const loss = new CategoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1, reduction: 'sum', name: 'cce' });
    const config = loss.getConfig();
    expect(config).toEqual({ name: 'cce', reduction: 'sum', fromLogits: true, labelSmoothing: 0.1, axis: -1 });
    expect(new CategoricalCrossentropy(config as never).getConfig()).toEqual(config);
  });
});
