import { tf, ShapeError } from '@strata-ml/core';
import { categoricalCrossentropy } from './categorical-crossentropy';
import { SparseCategoricalCrossentropy, sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';
import { checkGradient, expectClose, expectNoLeak, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('sparseCategoricalCrossentropy', () => {
  const probs = [[0.05, 0.95, 0], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6]];

  it('is -log p[label], equal to categorical crossentropy on one-hot labels', () => {
    const out = sparseCategoricalCrossentropy(tf.tensor1d([1, 2, 0], 'int32'), tf.tensor2d(probs));
    expectClose(out, [-Math.log(0.95), -Math.log(0.1), -Math.log(0.2)]);
    const oneHot = tf.tensor2d([[0, 1, 0], [0, 0, 1], [1, 0, 0]]);
    expectClose(out, categoricalCrossentropy(oneHot, tf.tensor2d(probs)).dataSync());
  });

  it('accepts float labels and a trailing axis of 1', () => {
    expectClose(sparseCategoricalCrossentropy(tf.tensor2d([[1], [2], [0]]), tf.tensor2d(probs)), [-Math.log(0.95), -Math.log(0.1), -Math.log(0.2)]);
  });

  it('from logits is stable', () => {
    expectClose(sparseCategoricalCrossentropy(tf.tensor1d([1], 'int32'), tf.tensor2d([[1000, 0, -1000]]), { fromLogits: true }), [1000]);
  });

  it('gradient matches finite differences (probabilities and logits)', () => {
    const labels = tf.tensor1d([1, 2], 'int32');
    checkGradient((p) => new SparseCategoricalCrossentropy().compute(labels, p), tf.tensor2d([[0.2, 0.5, 0.3], [0.3, 0.3, 0.4]]), 1e-3);
    checkGradient((p) => new SparseCategoricalCrossentropy({ fromLogits: true }).compute(labels, p), tf.tensor2d([[0.2, -1, 2], [1.5, 0.3, -0.4]]));
  });

  it('rejects labels whose shape is not yPred without its class axis', () => {
    expect(() => sparseCategoricalCrossentropy(tf.tensor1d([1, 2]), tf.tensor2d(probs))).toThrow(ShapeError);
    expect(() => sparseCategoricalCrossentropy(tf.tensor1d([1, 2]), tf.tensor2d(probs))).toThrow(
      'sparseCategoricalCrossentropy: expected yTrue shape [3] (yPred [3, 3] without its class axis), received shape [2]',
    );
    expect(() => sparseCategoricalCrossentropy(tf.tensor1d([1, 2, 0]), tf.tensor2d(probs), { axis: 0 })).toThrow(
      'sparseCategoricalCrossentropy: axis must be the last axis (-1 or 1); received axis=0',
    );
  });

  it('leaves no tensor behind', () => {
    const labels = tf.tensor1d([1, 2, 0]);
    const p = tf.tensor2d(probs);
    expectNoLeak(() => new SparseCategoricalCrossentropy().compute(labels, p).dispose());
  });
});
