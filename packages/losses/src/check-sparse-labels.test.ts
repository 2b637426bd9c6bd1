import { tf, ValueError } from '@strata-ml/core';
import { checkSparseLabels } from './check-sparse-labels';
import { useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('checkSparseLabels', () => {
  it('accepts integer labels in range, as a tensor or an array', () => {
    expect(() => checkSparseLabels(tf.tensor1d([0, 9, 3], 'int32'), 10)).not.toThrow();
    expect(() => checkSparseLabels(new Uint8Array([0, 1, 2]), 3)).not.toThrow();
  });

  it('names the first bad label, its index and the class count', () => {
    expect(() => checkSparseLabels(tf.tensor1d([0, 10, 3], 'int32'), 10)).toThrow(ValueError);
    expect(() => checkSparseLabels(tf.tensor1d([0, 10, 3], 'int32'), 10)).toThrow(
      'sparseCategoricalCrossentropy: labels must be integers in [0, 10) for 10 classes; received labels[1]=10',
    );
    expect(() => checkSparseLabels([1, -1], 3)).toThrow('received labels[1]=-1');
    expect(() => checkSparseLabels([1.5], 3)).toThrow('received labels[0]=1.5');
    expect(() => checkSparseLabels([1], 0)).toThrow('checkSparseLabels: numClasses must be a positive integer; received numClasses=0');
  });
});
