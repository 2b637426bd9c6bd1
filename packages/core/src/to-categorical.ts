import * as tfc from '@tensorflow/tfjs-core';
import { invalidArgument, ValueError } from './errors';

type Labels = tfc.Tensor | ArrayLike<number>;

/**
 * One-hot encodes integer class labels, as Keras's `to_categorical`: the result has the labels' shape plus
 * a last axis of `numClasses` (a trailing axis of size 1 is dropped first), float32.
 *
 * ```ts
 * toCategorical([0, 2, 1], 3); // [[1,0,0],[0,0,1],[0,1,0]]
 * ```
 * @param labels integer labels in `[0, numClasses)`
 * @param numClasses number of classes; defaults to `max(labels) + 1`
 */
export function toCategorical(labels: Labels, numClasses?: number): tfc.Tensor {
  const where = 'toCategorical';
  let values: ArrayLike<number>;
  let shape: number[];
  if (labels instanceof tfc.Tensor) {
    values = labels.dataSync();
    shape = labels.shape.slice();
  } else {
    if (labels == null || typeof labels.length !== 'number') {
      throw invalidArgument(where, 'labels', 'a Tensor, an array or a typed array of integers', labels);
    }
    values = labels;
    shape = [labels.length];
  }
  if (shape.length > 1 && shape[shape.length - 1] === 1) shape = shape.slice(0, -1);

  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isInteger(v)) {
      throw new ValueError(`${where}: labels must be integers; received labels[${i}]=${String(v)}`);
    }
    if (v < 0) throw new ValueError(`${where}: labels must be non-negative; received labels[${i}]=${v}`);
  }
  if (numClasses === undefined) {
    if (values.length === 0) {
      throw new ValueError(`${where}: cannot infer numClasses from empty labels; pass numClasses`);
    }
    let max = 0;
    for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
    numClasses = max + 1;
  } else if (!Number.isInteger(numClasses) || numClasses <= 0) {
    throw invalidArgument(where, 'numClasses', 'a positive integer', numClasses);
  }

  const out = new Float32Array(values.length * numClasses);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v >= numClasses) {
      throw new ValueError(`${where}: labels must be < numClasses=${numClasses}; received labels[${i}]=${v}`);
    }
    out[i * numClasses + v] = 1;
  }
  return tfc.tensor(out, [...shape, numClasses], 'float32');
}
