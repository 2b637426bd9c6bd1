import { tf, setRandomSeed, ValueError } from '@strata/core';
import { ArrayDataset } from './dataset';
import { useTestBackend } from '../../test/helpers';

beforeAll(useTestBackend);

function rows(t: tf.Tensor): number[][] {
  return t.arraySync() as number[][];
}

describe('ArrayDataset', () => {
  let x: tf.Tensor;
  let y: tf.Tensor;
  beforeAll(() => {
    x = tf.tensor2d([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
    y = tf.tensor1d([0, 1, 2, 3, 4], 'int32');
  });

  it('cuts batches in order, the last one smaller, keeping int32 targets', () => {
    const data = ArrayDataset.fromTensors('fit', x, y);
    expect(data.numBatches(2)).toBe(3);
    const order = data.order(false);
    const b = data.batch(order, 2, 2);
    expect(b.size).toBe(1);
    expect(rows(b.x[0] as tf.Tensor)).toEqual([[4, 4]]);
    expect(b.y?.[0]?.dtype).toBe('int32');
    expect(Array.from(b.y?.[0]?.dataSync() ?? [])).toEqual([4]);
    tf.dispose([...b.x, ...(b.y ?? [])]);
  });

  it('shuffles with the global generator: a permutation, repeatable under setRandomSeed', () => {
    const data = ArrayDataset.fromTensors('fit', x, y);
    setRandomSeed(9);
    const a = Array.from(data.order(true));
    setRandomSeed(9);
    expect(Array.from(data.order(true))).toEqual(a);
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4]);
    const order = Uint32Array.from([3, 0, 4, 1, 2]);
    const b = data.batch(order, 0, 3);
    expect(rows(b.x[0] as tf.Tensor)).toEqual([[3, 3], [0, 0], [4, 4]]);
    expect(Array.from(b.y?.[0]?.dataSync() ?? [])).toEqual([3, 0, 4]);
    tf.dispose([...b.x, ...(b.y ?? [])]);
  });

  it('splits off the last fraction for validation, as Keras', () => {
    const [train, val] = ArrayDataset.fromTensors('fit', x, y).split(0.4);
    expect([train.size, val.size]).toEqual([3, 2]);
    const b = val.batch(val.order(false), 0, 10);
    expect(rows(b.x[0] as tf.Tensor)).toEqual([[3, 3], [4, 4]]);
    tf.dispose([...b.x, ...(b.y ?? [])]);
    expect(() => ArrayDataset.fromTensors('fit', x, y).split(0.1)).toThrow(ValueError);
  });

  it('cuts several input and target arrays with one order, and names the array whose count differs', () => {
    const x2 = tf.tensor1d([10, 11, 12, 13, 14]);
    const y2 = tf.tensor2d([[0], [1], [0], [1], [0]]);
    const data = ArrayDataset.fromTensors('fit', [x, x2], [y, y2]);
    expect(data.xShapes).toEqual([[null, 2], [null]]);
    expect(data.yShapes).toEqual([[null], [null, 1]]);
    const b = data.batch(Uint32Array.from([4, 1, 0, 2, 3]), 0, 2);
    expect(b.x.map((t) => t.arraySync())).toEqual([[[4, 4], [1, 1]], [14, 11]]);
    expect(b.y?.map((t) => [t.dtype, t.arraySync()])).toEqual([['int32', [4, 1]], ['float32', [[0], [1]]]]);
    tf.dispose([...b.x, ...(b.y ?? [])]);
    const short = tf.zeros([4, 1]);
    expect(() => ArrayDataset.fromTensors('fit', [x, x2], [y, short])).toThrow(
      'fit: x[0] and y[1] must have the same number of samples; received x[0] with 5 samples (shape [5, 2]) and y[1] with 4 samples (shape [4, 1])',
    );
    tf.dispose([x2, y2, short]);
  });

  it('rejects mismatched sample counts and empty inputs', () => {
    const z = tf.zeros([0, 2]);
    expect(() => ArrayDataset.fromTensors('evaluate', x, tf.tensor1d([1, 2]))).toThrow(
      'evaluate: x and y must have the same number of samples; received x with 5 samples (shape [5, 2]) and y with 2 samples (shape [2])',
    );
    expect(() => ArrayDataset.fromTensors('fit', z, null)).toThrow('fit: x has no samples; received shape [0, 2]');
    z.dispose();
  });
});
