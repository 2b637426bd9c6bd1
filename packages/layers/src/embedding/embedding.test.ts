import { tf, Tensor, ValueError } from '@strata-ml/core';
import { Embedding, SymbolicTensor, l2 } from '../index';
import { expectConfigRoundTrip, expectGradientsMatch, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

const TABLE = [[0, 0], [1, 2], [3, 4], [5, 6]];

function embedding(args: ConstructorParameters<typeof Embedding>[2] = {}): Embedding {
  const layer = new Embedding(4, 2, args);
  layer.build([null, 3]);
  const table = tf.tensor2d(TABLE);
  layer.setWeights([table]);
  table.dispose();
  return layer;
}

describe('Embedding', () => {
  it('looks up rows of the table for integer or float indices of any rank', () => {
    const layer = embedding();
    const ids = tf.tensor2d([[1, 3, 0], [2, 2, 1]], undefined, 'int32');
    const y = layer.apply(ids);
    expect(y.arraySync()).toEqual([[[1, 2], [5, 6], [0, 0]], [[3, 4], [3, 4], [1, 2]]]);
    const floats = tf.tensor1d([3, 1]);
    const z = layer.apply(floats);
    expect(z.arraySync()).toEqual([[5, 6], [1, 2]]);
    expect(layer.computeOutputShape([null, 7])).toEqual([null, 7, 2]);
    expect(layer.apply(new SymbolicTensor({ shape: [null, 5], dtype: 'int32' })).shape).toEqual([null, 5, 2]);
    tf.dispose([ids, y, floats, z]);
    layer.dispose();
  });

  it('masks index 0 with maskZero, and gives no mask otherwise', () => {
    const ids = tf.tensor2d([[1, 0, 2], [0, 0, 3]], undefined, 'int32');
    const masked = embedding({ maskZero: true });
    const mask = masked.computeMask(ids) as Tensor;
    expect(mask.dtype).toBe('bool');
    expect(mask.arraySync()).toEqual([[1, 0, 1], [0, 0, 1]]);
    expect(embedding().computeMask(ids)).toBeNull();
    tf.dispose([ids, mask]);
  });

  it('has Keras defaults: uniform(-0.05, 0.05) table, no mask; inputLength is ignored', () => {
    const layer = new Embedding(1000, 64, { inputLength: 10 });
    layer.build([null, 10]);
    expect(layer.getConfig()['embeddingsInitializer']).toEqual({ className: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } });
    expect(layer.getConfig()['maskZero']).toBe(false);
    expect(layer.getConfig()).not.toHaveProperty('inputLength');
    const values = layer.getWeights()[0] as Tensor;
    expect(values.shape).toEqual([1000, 64]);
    expect(tf.max(tf.abs(values)).dataSync()[0]).toBeLessThanOrEqual(0.05);
    values.dispose();
    layer.dispose();
  });

  it('passes the gradient check on the table: repeated indices add up their gradients', () => {
    const layer = embedding({ embeddingsInitializer: 'random_normal' });
    const ids = tf.tensor2d([[1, 3, 1], [2, 1, 0]], undefined, 'int32');
    // The input of the checked function is a dummy that does not change the output; the table is the weight.
    const dummy = tf.zeros([1]);
    expectGradientsMatch((d) => tf.add(tf.tanh(layer.apply(ids)), tf.mul(tf.sum(d), 0)), dummy, [layer.embeddings!.variable]);
    const grads = tf.variableGrads(() => tf.sum(layer.apply(ids)) as tf.Scalar, [layer.embeddings!.variable]).grads;
    // Row 1 appears three times, rows 2 and 3 once, row 0 once.
    expect(Object.values(grads)[0]?.arraySync()).toEqual([[1, 1], [3, 3], [1, 1], [1, 1]]);
    tf.dispose([ids, dummy, ...Object.values(grads)]);
    layer.dispose();
  });

  it('round-trips its config and validates its sizes', () => {
    const ids = tf.tensor2d([[1, 2]], undefined, 'int32');
    const layer = new Embedding(5, 3, { maskZero: true, embeddingsRegularizer: l2(0.01) });
    expectConfigRoundTrip(layer, ids).dispose();
    expect(() => new Embedding(0, 3)).toThrow(ValueError);
    expect(() => new Embedding(0, 3)).toThrow('Embedding: inputDim must be a positive integer; received inputDim=0');
    expect(() => new Embedding(3, 1.5)).toThrow('Embedding: outputDim must be a positive integer; received outputDim=1.5');
    ids.dispose();
    layer.dispose();
  });
});
