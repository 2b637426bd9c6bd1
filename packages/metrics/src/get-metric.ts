import { unknownIdentifier, invalidArgument } from '@strata-ml/core';
import { BinaryAccuracy } from './binary-accuracy';
import { CategoricalAccuracy } from './categorical-accuracy';
import { MeanAbsoluteError } from './mean-absolute-error';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { MeanSquaredError } from './mean-squared-error';
import { Metric } from './metric';
import type { MetricFn } from './metric';
import { SparseCategoricalAccuracy } from './sparse-categorical-accuracy';
import { SparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
import { TopKCategoricalAccuracy } from './top-k-categorical-accuracy';

/** What `getMetric` may know about the model output when it resolves `'accuracy'`. */
export interface MetricContext {
  /** The compiled loss's name, any spelling (`'categorical_crossentropy'`, `'CategoricalCrossentropy'`, `'bce'`). */
  lossName?: string;
  /** The model output's shape (`[null, 10]`); a last dimension of 1 means a binary classifier. */
  outputShape?: readonly (number | null)[];
  /** The targets' shape; with `outputShape` it decides exactly as Keras 3 does. */
  targetShape?: readonly (number | null)[];
}

type MetricConstructor = new (args: { name?: string }) => Metric;

/** Keras's snake_case names and aliases → class. camelCase and class-name spellings fold onto these. */
const NAMES: Record<string, MetricConstructor> = {
  binary_accuracy: BinaryAccuracy,
  categorical_accuracy: CategoricalAccuracy,
  sparse_categorical_accuracy: SparseCategoricalAccuracy,
  top_k_categorical_accuracy: TopKCategoricalAccuracy,
  sparse_top_k_categorical_accuracy: SparseTopKCategoricalAccuracy,
  mean_squared_error: MeanSquaredError,
  mse: MeanSquaredError,
  mean_absolute_error: MeanAbsoluteError,
  mae: MeanAbsoluteError,
};

/** Folds `camelCase`, `snake_case` and `ClassName` spellings together. */
function fold(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

const BY_FOLDED = new Map<string, MetricConstructor>(Object.entries(NAMES).map(([n, c]) => [fold(n), c]));

/** Every metric name `getMetric` accepts, in Keras's snake_case spelling. */
export function metricNames(): string[] {
  return ['accuracy', 'acc', ...Object.keys(NAMES)].sort();
}

type AccuracyKind = 'binary' | 'sparse' | 'categorical';

/**
 * Which accuracy `'accuracy'` means. With both shapes known, exactly Keras 3's rule: binary when the
 * output's last dim is 1, sparse when the targets have lower rank or a last dim of 1 against several
 * outputs, else categorical. Otherwise from the loss (as Keras 2 did), else from the output shape alone.
 */
export function resolveAccuracy(context: MetricContext = {}): AccuracyKind {
  const { lossName, outputShape, targetShape } = context;
  if (outputShape !== undefined && targetShape !== undefined && outputShape.length > 0 && targetShape.length > 0) {
    const outLast = outputShape[outputShape.length - 1];
    const targetLast = targetShape[targetShape.length - 1];
    if (outLast === 1) return 'binary';
    if (targetShape.length < outputShape.length || (targetLast === 1 && (outLast ?? 2) > 1)) return 'sparse';
    return 'categorical';
  }
  const loss = lossName === undefined ? '' : fold(lossName);
  if (loss === 'binarycrossentropy' || loss === 'bce') return 'binary';
  if (loss === 'sparsecategoricalcrossentropy') return 'sparse';
  if (loss === 'categoricalcrossentropy') return 'categorical';
  if (outputShape !== undefined && outputShape[outputShape.length - 1] === 1) return 'binary';
  return 'categorical';
}

/**
 * Resolves a metric: a name (snake_case, camelCase or class name; `'mse'`, `'mae'`), a `Metric` (returned
 * as it is) or a per-sample function (wrapped in a {@link MeanMetricWrapper} named after it). `'accuracy'`
 * and `'acc'` become binary, categorical or sparse categorical accuracy by {@link resolveAccuracy}. As in
 * Keras, a metric resolved from a string is named by that string (`'acc'` logs as `acc`). An unknown name
 * throws an `UnknownIdentifierError` listing the valid ones.
 */
export function getMetric(identifier: string | MetricFn | Metric, context?: MetricContext): Metric {
  if (identifier instanceof Metric) return identifier;
  if (typeof identifier === 'function') return new MeanMetricWrapper(identifier, identifier.name || 'metric');
  if (typeof identifier !== 'string') {
    throw invalidArgument('getMetric', 'identifier', 'a metric name, a Metric or a function', identifier);
  }
  const folded = fold(identifier);
  if (folded === 'accuracy' || folded === 'acc') {
    const kind = resolveAccuracy(context);
    if (kind === 'binary') return new BinaryAccuracy({ name: identifier });
    if (kind === 'sparse') return new SparseCategoricalAccuracy({ name: identifier });
    return new CategoricalAccuracy({ name: identifier });
  }
  const ctor = BY_FOLDED.get(folded);
  if (ctor === undefined) throw unknownIdentifier('getMetric', 'metric name', identifier, metricNames());
  return new ctor({ name: identifier });
}
