import { tf, setRandomSeed, ValueError } from '@strata-ml/core';
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

  it('cuts batches on the backend without reading the samples back', () => {
    const reads = [jest.spyOn(x, 'dataSync'), jest.spyOn(x, 'arraySync'), jest.spyOn(x, 'data')];
    const before = tf.memory().numTensors;
    const data = ArrayDataset.fromTensors('fit', x, y);
    const b = data.batch(Uint32Array.from([4, 2, 0, 3, 1]), 1, 2);
    expect(reads.map((r) => r.mock.calls.length)).toEqual([0, 0, 0]);
    reads.forEach((r) => r.mockRestore());
    expect(rows(b.x[0] as tf.Tensor)).toEqual([[0, 0], [3, 3]]);
    tf.dispose([...b.x, ...(b.y ?? [])]);
    data.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(x.isDisposed).toBe(false);
  });

  it('casts integer inputs to float32 once, keeps int32 targets, makes other targets float32, and disposes its casts', () => {
    const xi = tf.tensor2d([[1, 2], [3, 4], [5, 6]], [3, 2], 'int32');
    const yb = tf.tensor1d([true, false, true], 'bool');
    const yi = tf.tensor1d([2, 0, 1], 'int32');
    const before = tf.memory().numTensors;
    const data = ArrayDataset.fromTensors('fit', xi, [yb, yi]);
    expect(tf.memory().numTensors).toBe(before + 2);
    const b = data.batch(Uint32Array.from([2, 0, 1]), 0, 2);
    expect(b.x.map((t) => [t.dtype, t.arraySync()])).toEqual([['float32', [[5, 6], [1, 2]]]]);
    expect(b.y?.map((t) => [t.dtype, t.arraySync()])).toEqual([['float32', [1, 1]], ['int32', [1, 2]]]);
    expect(data.inputs.map((t) => [t.dtype, t.arraySync()])).toEqual([['float32', [[1, 2], [3, 4], [5, 6]]]]);
    tf.dispose([...b.x, ...(b.y ?? [])]);
    data.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect([xi, yb, yi].map((t) => t.isDisposed)).toEqual([false, false, false]);
    tf.dispose([xi, yb, yi]);
  });

  it('reads only the targets back for label checks, those of its own part of a split', () => {
    const data = ArrayDataset.fromTensors('fit', x, y);
    const [train, val] = data.split(0.4);
    expect(Array.from(data.targets(0) ?? [])).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(train.targets(0) ?? [])).toEqual([0, 1, 2]);
    expect(val.targets(0)).toEqual(Int32Array.from([3, 4]));
    expect(val.targets(1)).toBeNull();
    expect(ArrayDataset.fromTensors('predict', x, null).targets(0)).toBeNull();
    expect(data.inputs).toEqual([x]);
    expect(() => val.inputs).toThrow('ArrayDataset.inputs: the dataset is part of a split');
  });

  it('refuses a disposed tensor at once, and gathers the current values of a variable', () => {
    const gone = tf.tensor2d([[1, 2]]);
    gone.dispose();
    expect(() => ArrayDataset.fromTensors('fit', gone, null)).toThrow('Tensor is disposed');
    const v = tf.variable(tf.tensor2d([[1, 2], [3, 4]]));
    const data = ArrayDataset.fromTensors('fit', v, null);
    v.assign(tf.tensor2d([[7, 8], [9, 10]]));
    const b = data.batch(Uint32Array.from([1, 0]), 0, 2);
    expect(rows(b.x[0] as tf.Tensor)).toEqual([[9, 10], [7, 8]]);
    tf.dispose([...b.x, v]);
  });

  it('leaves every batch its values while the next ones are cut, on any backend', () => {
    const data = ArrayDataset.fromTensors('fit', x, y);
    const order = Uint32Array.from([4, 2, 0, 3, 1]);
    const cut = [0, 1, 2].map((b) => data.batch(order, b, 2));
    expect(cut.map((b) => rows(b.x[0] as tf.Tensor))).toEqual([[[4, 4], [2, 2]], [[0, 0], [3, 3]], [[1, 1]]]);
    expect(cut.map((b) => Array.from(b.y?.[0]?.dataSync() ?? []))).toEqual([[4, 2], [0, 3], [1]]);
    tf.dispose(cut.flatMap((b) => [...b.x, ...(b.y ?? [])]));
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
