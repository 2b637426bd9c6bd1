import { tf, UnknownIdentifierError } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { BinaryAccuracy } from './binary-accuracy';
import { CategoricalAccuracy } from './categorical-accuracy';
import { getMetric, metricNames, resolveAccuracy } from './get-metric';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { SparseCategoricalAccuracy } from './sparse-categorical-accuracy';
import { expectClose, useCpuBackend } from '../test/helpers';

useCpuBackend();

describe('getMetric', () => {
  it("resolves 'accuracy' from the loss, keeping the name the user gave", () => {
    const cat = getMetric('accuracy', { lossName: 'categorical_crossentropy' });
    expect(cat).toBeInstanceOf(CategoricalAccuracy);
    expect(cat.name).toBe('accuracy');
    expect(getMetric('acc', { lossName: 'sparseCategoricalCrossentropy' })).toBeInstanceOf(SparseCategoricalAccuracy);
    expect(getMetric('acc', { lossName: 'sparse_categorical_crossentropy' }).name).toBe('acc');
    expect(getMetric('accuracy', { lossName: 'BinaryCrossentropy' })).toBeInstanceOf(BinaryAccuracy);
    expect(getMetric('accuracy', { lossName: 'bce' })).toBeInstanceOf(BinaryAccuracy);
  });

  it("resolves 'accuracy' from the output shape when the loss says nothing", () => {
    expect(getMetric('accuracy', { lossName: 'mse', outputShape: [null, 1] })).toBeInstanceOf(BinaryAccuracy);
    expect(getMetric('accuracy', { outputShape: [null, 10] })).toBeInstanceOf(CategoricalAccuracy);
    expect(getMetric('accuracy')).toBeInstanceOf(CategoricalAccuracy);
  });

  it('with both shapes, decides exactly as Keras 3', () => {
    expect(resolveAccuracy({ outputShape: [null, 1], targetShape: [null, 1] })).toBe('binary');
    expect(resolveAccuracy({ outputShape: [null, 10], targetShape: [null] })).toBe('sparse');
    expect(resolveAccuracy({ outputShape: [null, 10], targetShape: [null, 1] })).toBe('sparse');
    expect(resolveAccuracy({ outputShape: [null, 10], targetShape: [null, 10] })).toBe('categorical');
    // Shapes win over the loss: multi-label binary crossentropy over 10 outputs.
    expect(resolveAccuracy({ lossName: 'binary_crossentropy', outputShape: [null, 10], targetShape: [null, 10] })).toBe('categorical');
  });

  it('resolves other names in any spelling, named by the given string', () => {
    expect(getMetric('binaryAccuracy')).toBeInstanceOf(BinaryAccuracy);
    expect(getMetric('SparseCategoricalAccuracy')).toBeInstanceOf(SparseCategoricalAccuracy);
    expect(getMetric('top_k_categorical_accuracy').className).toBe('TopKCategoricalAccuracy');
    expect(getMetric('sparseTopKCategoricalAccuracy').className).toBe('SparseTopKCategoricalAccuracy');
    const mse = getMetric('mse');
    expect(mse.className).toBe('MeanSquaredError');
    expect(mse.name).toBe('mse');
    expect(getMetric('mae').className).toBe('MeanAbsoluteError');
  });

  it('returns a Metric as it is and wraps a function', () => {
    const m = new CategoricalAccuracy();
    expect(getMetric(m)).toBe(m);
    const hits = (t: Tensor, p: Tensor): Tensor => tf.cast(tf.equal(t, p), 'float32');
    const wrapped = getMetric(hits);
    expect(wrapped).toBeInstanceOf(MeanMetricWrapper);
    expect(wrapped.name).toBe('hits');
    wrapped.updateState(tf.tensor1d([1, 2]), tf.tensor1d([1, 3]));
    expectClose(wrapped.result(), 0.5);
  });

  it('rejects an unknown name, listing the valid ones', () => {
    expect(() => getMetric('precision')).toThrow(UnknownIdentifierError);
    expect(() => getMetric('precision')).toThrow(`getMetric: unknown metric name "precision"; valid metric names are: ${metricNames().join(', ')}`);
  });
});
