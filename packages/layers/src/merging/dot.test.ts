import { tf, ShapeError } from '@strata-ml/core';
import { Dot, SymbolicTensor } from '../index';
import { expectGradientsMatch, sample, useTestBackend } from '../../test/harness';
import { expectMergeRoundTrip } from '../../test/merge-harness';

beforeAll(useTestBackend);

describe('Dot', () => {
  it('takes per-sample dot products of vectors: [b, n]·[b, n] → [b, 1]', () => {
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const y = tf.tensor2d([[5, 6], [7, 8]]);
    expect(tf.tidy(() => new Dot(1).apply([x, y]).arraySync())).toEqual([[17], [53]]);
    // normalize: cosine similarity. Row 0: 17 / (√5 · √61).
    const cos = tf.tidy(() => Array.from((new Dot(-1, { normalize: true }).apply([x, y]) as tf.Tensor).dataSync()));
    expect(cos[0]).toBeCloseTo(17 / Math.sqrt(5 * 61), 5);
    expect(cos[1]).toBeCloseTo(53 / Math.sqrt(25 * 113), 5);
    tf.dispose([x, y]);
  });

  it('contracts the given axes of rank-3 inputs', () => {
    const x = tf.tensor3d([[[1, 2], [3, 4], [5, 6]]]); // [1, 3, 2]
    const y = tf.tensor3d([[[1, 0, 2], [0, 1, 3]]]); // [1, 2, 3]
    // axes [2, 1]: the matrix product [3, 2]·[2, 3].
    expect(tf.tidy(() => new Dot([2, 1]).apply([x, y]).arraySync())).toEqual([[[1, 2, 8], [3, 4, 18], [5, 6, 28]]]);
    // axes [1, 2]: x's axis 1 (size 3) against y's axis 2 (size 3) → [b, 2, 2] = xᵀ·yᵀ.
    expect(tf.tidy(() => new Dot([1, 2]).apply([x, y]).arraySync())).toEqual([[[11, 18], [14, 22]]]);
    const out = new Dot([2, 1]).apply([new SymbolicTensor({ shape: [null, 3, 2] }), new SymbolicTensor({ shape: [null, 2] })]);
    expect(out.shape).toEqual([null, 3]);
    tf.dispose([x, y]);
  });

  it('names the layer and the shapes when the dot axes differ in size', () => {
    const x = tf.zeros([2, 3]);
    const y = tf.zeros([2, 4]);
    expect(() => new Dot(1, { name: 'dot_a' }).apply([x, y])).toThrow(ShapeError);
    expect(() => new Dot(1, { name: 'dot_a' }).apply([x, y])).toThrow(
      "Dot 'dot_a': the dot axes must have equal sizes (axis 1: 3, axis 1: 4); received shapes [2, 3] and [2, 4]",
    );
    expect(() => new Dot(1, { name: 'dot_a' }).apply([x])).toThrow("Dot 'dot_a': expects exactly 2 inputs, received 1: [2, 3]");
    expect(() => new Dot(0, { name: 'dot_a' }).apply([x, x])).toThrow("Dot 'dot_a': axes [0, 0] must name non-batch axes of the inputs");
    expect(() => new Dot([1, 2, 3] as unknown as number)).toThrow('Dot: axes must be an integer or an array of two integers; received axes=[1, 2, 3]');
    tf.dispose([x, y]);
  });

  it('round-trips and passes the gradient check, normalized too', () => {
    const x = sample([2, 3, 4], 1);
    const y = sample([2, 4, 2], 2);
    const layer = new Dot([2, 1]);
    expectMergeRoundTrip(layer, [x, y]);
    expectGradientsMatch((t) => layer.apply([t, y]) as tf.Tensor, x, []);
    expectGradientsMatch((t) => layer.apply([x, t]) as tf.Tensor, y, []);
    const u = sample([3, 5], 3);
    const v = sample([3, 5], 4);
    const cosine = new Dot(1, { normalize: true });
    expectMergeRoundTrip(cosine, [u, v]);
    expectGradientsMatch((t) => cosine.apply([t, v]) as tf.Tensor, u, []);
    tf.dispose([x, y, u, v]);
  });
});
