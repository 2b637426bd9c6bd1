import { tf, ShapeError, ValueError } from '@strata-ml/core';
import { Add, Average, Maximum, Minimum, Multiply, Subtract, SymbolicTensor } from '../index';
import { expectGradientsMatch, sample, useTestBackend } from '../../test/harness';
import { applyToList, expectMergeRoundTrip } from '../../test/merge-harness';

beforeAll(useTestBackend);

const a = (): tf.Tensor2D => tf.tensor2d([[1, -2], [3, 4]]);
const b = (): tf.Tensor2D => tf.tensor2d([[2, 5], [-1, 4]]);
const run = applyToList;

describe('element-wise merging layers', () => {
  it('compute sums, differences, products, means, maxima and minima', () => {
    const [x, y] = [a(), b()];
    expect(run(new Add(), [x, y])).toEqual([3, 3, 2, 8]);
    expect(run(new Add(), [x, y, x])).toEqual([4, 1, 5, 12]);
    expect(run(new Subtract(), [x, y])).toEqual([-1, -7, 4, 0]);
    expect(run(new Multiply(), [x, y])).toEqual([2, -10, -3, 16]);
    expect(run(new Average(), [x, y])).toEqual([1.5, 1.5, 1, 4]);
    expect(run(new Maximum(), [x, y])).toEqual([2, 5, 3, 4]);
    expect(run(new Minimum(), [x, y])).toEqual([1, -2, -1, 4]);
    tf.dispose([x, y]);
  });

  it('broadcast axes of size 1, also symbolically', () => {
    const x = a();
    const column = tf.tensor2d([[10], [20]]);
    expect(run(new Add(), [x, column])).toEqual([11, 8, 23, 24]);
    const out = new Multiply().apply([new SymbolicTensor({ shape: [null, 1, 4] }), new SymbolicTensor({ shape: [null, 3, 1] })]);
    expect(out.shape).toEqual([null, 3, 4]);
    tf.dispose([x, column]);
  });

  it('name the layer and every input shape when shapes do not match', () => {
    const x = tf.zeros([2, 3]);
    const y = tf.zeros([2, 4]);
    expect(() => new Add({ name: 'add_a' }).apply([x, y])).toThrow(ShapeError);
    expect(() => new Add({ name: 'add_a' }).apply([x, y])).toThrow(
      "Add 'add_a': inputs must have broadcast-compatible shapes; received shapes [2, 3], [2, 4]",
    );
    const cube = tf.zeros([2, 3, 1]);
    expect(() => new Maximum({ name: 'max_a' }).apply([x, cube])).toThrow(
      "Maximum 'max_a': inputs must have broadcast-compatible shapes; received shapes [2, 3], [2, 3, 1]",
    );
    expect(() => new Subtract({ name: 'sub_a' }).apply([x, x, x])).toThrow(ValueError);
    expect(() => new Subtract({ name: 'sub_a' }).apply([x, x, x])).toThrow("Subtract 'sub_a': expects exactly 2 inputs, received 3: [2, 3], [2, 3], [2, 3]");
    expect(() => new Average({ name: 'avg_a' }).apply(x)).toThrow("Average 'avg_a': expects a list of input tensors, received one tensor of shape [2, 3]");
    tf.dispose([x, y, cube]);
  });

  it('round-trip through the registry and pass the gradient check for each input', () => {
    const x = sample([3, 4], 1);
    const y = sample([3, 4], 2, -1, 1, 0.1);
    for (const make of [() => new Add(), () => new Subtract(), () => new Multiply(), () => new Average(), () => new Maximum(), () => new Minimum()]) {
      expectMergeRoundTrip(make(), [x, y]);
      const layer = make();
      expectGradientsMatch((t) => layer.apply([t, y]) as tf.Tensor, x, []);
      expectGradientsMatch((t) => layer.apply([x, t]) as tf.Tensor, y, []);
    }
    tf.dispose([x, y]);
  });
});
