import { setBackend } from './backend';
import { ValueError } from './errors';
import * as tf from './ops';
import { toCategorical } from './to-categorical';

function valuesOf(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}

describe('toCategorical', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  let before: number;
  beforeEach(() => {
    before = tf.memory().numTensors;
  });

  it('one-hot encodes an array, as float32', () => {
    const y = toCategorical([0, 2, 1], 3);
    expect(y.shape).toEqual([3, 3]);
    expect(y.dtype).toBe('float32');
    expect(valuesOf(y)).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('infers numClasses as max(labels) + 1', () => {
    const y = toCategorical([1, 3]);
    expect(y.shape).toEqual([2, 4]);
    expect(valuesOf(y)).toEqual([0, 1, 0, 0, 0, 0, 0, 1]);
    y.dispose();
  });

  it('accepts typed arrays', () => {
    const y = toCategorical(new Uint8Array([9, 0]), 10);
    expect(y.shape).toEqual([2, 10]);
    expect(valuesOf(y)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    y.dispose();
  });

  it('keeps a tensor input intact and leaks nothing', () => {
    const labels = tf.tensor2d([[1, 0], [0, 2]], [2, 2], 'int32');
    const y = toCategorical(labels, 3);
    expect(y.shape).toEqual([2, 2, 3]);
    expect(valuesOf(y)).toEqual([0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(labels.isDisposed).toBe(false);
    tf.dispose([labels, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('drops a trailing axis of size 1, as Keras does, but keeps a rank-1 shape [1]', () => {
    const column = tf.tensor2d([[2], [0]], [2, 1], 'int32');
    const y = toCategorical(column, 3);
    expect(y.shape).toEqual([2, 3]);
    expect(valuesOf(y)).toEqual([0, 0, 1, 1, 0, 0]);
    const single = toCategorical(tf.tensor1d([1], 'int32'), 2);
    expect(single.shape).toEqual([1, 2]);
    const scalar = toCategorical(tf.scalar(1, 'int32'), 3);
    expect(scalar.shape).toEqual([3]);
    expect(valuesOf(scalar)).toEqual([0, 1, 0]);
    tf.dispose([column, y, single, scalar]);
  });

  it('accepts float tensors holding whole numbers', () => {
    const labels = tf.tensor1d([2, 0], 'float32');
    const y = toCategorical(labels);
    expect(y.shape).toEqual([2, 3]);
    tf.dispose([labels, y]);
  });

  it('encodes empty labels only when numClasses is given', () => {
    const y = toCategorical([], 4);
    expect(y.shape).toEqual([0, 4]);
    y.dispose();
    expect(() => toCategorical([])).toThrow(ValueError);
    expect(() => toCategorical([])).toThrow('toCategorical: cannot infer numClasses from empty labels; pass numClasses');
  });

  it('rejects labels out of range, negative or not integers, naming the position', () => {
    expect(() => toCategorical([0, 3], 3)).toThrow('toCategorical: labels must be < numClasses=3; received labels[1]=3');
    expect(() => toCategorical([0, -1], 3)).toThrow('toCategorical: labels must be non-negative; received labels[1]=-1');
    expect(() => toCategorical([1.5], 3)).toThrow('toCategorical: labels must be integers; received labels[0]=1.5');
    expect(() => toCategorical([0, NaN])).toThrow('toCategorical: labels must be integers; received labels[1]=NaN');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a numClasses that is not a positive integer', () => {
    expect(() => toCategorical([0], 0)).toThrow('toCategorical: numClasses must be a positive integer; received numClasses=0');
    expect(() => toCategorical([0], 2.5)).toThrow('toCategorical: numClasses must be a positive integer; received numClasses=2.5');
    expect(() => toCategorical([0], -1)).toThrow('toCategorical: numClasses must be a positive integer; received numClasses=-1');
  });

  it('rejects labels that are not an array or tensor', () => {
    expect(() => toCategorical(null as unknown as number[])).toThrow(
      'toCategorical: labels must be a Tensor, an array or a typed array of integers; received labels=null',
    );
    expect(() => toCategorical(3 as unknown as number[])).toThrow('received labels=3');
  });
});
