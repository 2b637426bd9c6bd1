/**
 * @strata-ml/metrics — Keras's metrics with their state kept in tensors: `Metric`, `Mean`, `Sum`,
 * `MeanMetricWrapper`, the accuracy family, and `getMetric` (which resolves `'accuracy'` as Keras does).
 */
export { Metric } from './metric';
export type { MetricFn } from './metric';
export { Mean } from './mean';
export type { MeanArgs } from './mean';
export { Sum } from './sum';
export type { SumArgs } from './sum';
export { MeanMetricWrapper } from './mean-metric-wrapper';
export { reduceToSamplewise } from './samplewise';
export { Accuracy, accuracy } from './accuracy';
export type { AccuracyArgs } from './accuracy';
export { BinaryAccuracy, binaryAccuracy } from './binary-accuracy';
export type { BinaryAccuracyArgs, BinaryAccuracyOptions } from './binary-accuracy';
export { CategoricalAccuracy, categoricalAccuracy } from './categorical-accuracy';
export type { CategoricalAccuracyArgs } from './categorical-accuracy';
export { SparseCategoricalAccuracy, sparseCategoricalAccuracy } from './sparse-categorical-accuracy';
export type { SparseCategoricalAccuracyArgs } from './sparse-categorical-accuracy';
export { TopKCategoricalAccuracy, topKCategoricalAccuracy, inTopK } from './top-k-categorical-accuracy';
export type { TopKCategoricalAccuracyArgs, TopKOptions } from './top-k-categorical-accuracy';
export { SparseTopKCategoricalAccuracy, sparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
export type { SparseTopKCategoricalAccuracyArgs } from './sparse-top-k-categorical-accuracy';
export { MeanSquaredError, meanSquaredError } from './mean-squared-error';
export type { MeanSquaredErrorArgs } from './mean-squared-error';
export { MeanAbsoluteError, meanAbsoluteError } from './mean-absolute-error';
export type { MeanAbsoluteErrorArgs } from './mean-absolute-error';
export { getMetric, metricNames, resolveAccuracy } from './get-metric';
export type { MetricContext } from './get-metric';
