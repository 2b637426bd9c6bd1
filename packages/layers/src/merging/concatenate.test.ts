import { tf, ShapeError } from '@strata-ml/core';
import { Concatenate, SymbolicTensor } from '../index';
import { expectGradientsMatch, sample, useTestBackend } from '../../test/harness';
import { expectMergeRoundTrip } from '../../test/merge-harness';

beforeAll(useTestBackend);

describe('Concatenate', () => {
  it('joins along the last axis by default, or along axis', () => {
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const y = tf.tensor2d([[5], [6]]);
    expect(tf.tidy(() => new Concatenate().apply([x, y]).arraySync())).toEqual([[1, 2, 5], [3, 4, 6]]);
    const z = tf.tensor2d([[7, 8]]);
    expect(tf.tidy(() => new Concatenate({ axis: 0 }).apply([x, z]).arraySync())).toEqual([[1, 2], [3, 4], [7, 8]]);
    const out = new Concatenate({ axis: 1 }).apply([new SymbolicTensor({ shape: [null, 7, 7, 32] }), new SymbolicTensor({ shape: [null, 3, 7, 32] })]);
    expect(out.shape).toEqual([null, 10, 7, 32]);
    tf.dispose([x, y, z]);
  });

  it('names the layer and the shapes when they do not fit', () => {
    const x = tf.zeros([2, 3, 4]);
    const y = tf.zeros([2, 5, 6]);
    expect(() => new Concatenate({ name: 'cat' }).apply([x, y])).toThrow(ShapeError);
    expect(() => new Concatenate({ name: 'cat' }).apply([x, y])).toThrow(
      "Concatenate 'cat': inputs must match on every axis but the concatenation axis -1; received shapes [2, 3, 4], [2, 5, 6]",
    );
    const flat = tf.zeros([2, 4]);
    expect(() => new Concatenate({ name: 'cat' }).apply([x, flat])).toThrow("Concatenate 'cat': inputs must have the same rank; received shapes [2, 3, 4], [2, 4]");
    expect(() => new Concatenate({ name: 'cat', axis: 3 }).apply([x, x])).toThrow("Concatenate 'cat': axis 3 is out of range for inputs of rank 3");
    tf.dispose([x, y, flat]);
  });

  it('round-trips and passes the gradient check', () => {
    const x = sample([2, 3, 2], 1);
    const y = sample([2, 3, 1], 2);
    const layer = new Concatenate({ axis: -1 });
    expectMergeRoundTrip(layer, [x, y]);
    expectGradientsMatch((t) => layer.apply([t, y]) as tf.Tensor, x, []);
    expectGradientsMatch((t) => layer.apply([x, t]) as tf.Tensor, y, []);
    tf.dispose([x, y]);
  });
});
