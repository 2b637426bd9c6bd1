import { invalidArgument, unknownIdentifier } from '@strata-ml/core';
import { BinaryCrossentropy } from './binary-crossentropy';
import { CategoricalCrossentropy } from './categorical-crossentropy';
import { CategoricalHinge } from './categorical-hinge';
import { Hinge } from './hinge';
import { Huber } from './huber';
import { KLDivergence } from './kl-divergence';
import { Loss } from './loss';
import type { LossFn } from './loss';
import { LossFunctionWrapper } from './loss-function-wrapper';
import { MeanAbsoluteError } from './mean-absolute-error';
import { MeanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { MeanSquaredError } from './mean-squared-error';
import { MeanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

/** A loss class constructor as the registry stores it: one config object in. */
type LossConstructor = new (config: Record<string, unknown>) => Loss;

/** A serialized loss: its class name and the config from `getConfig()`. */
export interface SerializedLoss {
  /** Registered class name, e.g. `'CategoricalCrossentropy'`. */
  className: string;
  /** The loss's `getConfig()`. */
  config?: Record<string, unknown>;
}

const CLASSES: Record<string, LossConstructor> = {
  MeanSquaredError,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredLogarithmicError,
  CategoricalCrossentropy,
  SparseCategoricalCrossentropy,
  BinaryCrossentropy,
  Hinge,
  CategoricalHinge,
  KLDivergence,
  Huber,
};

/** Keras's snake_case names and aliases → class. The camelCase and class-name spellings fold onto these. */
const NAMES: Record<string, LossConstructor> = {
  mean_squared_error: MeanSquaredError,
  mse: MeanSquaredError,
  mean_absolute_error: MeanAbsoluteError,
  mae: MeanAbsoluteError,
  mean_absolute_percentage_error: MeanAbsolutePercentageError,
  mape: MeanAbsolutePercentageError,
  mean_squared_logarithmic_error: MeanSquaredLogarithmicError,
  msle: MeanSquaredLogarithmicError,
  categorical_crossentropy: CategoricalCrossentropy,
  sparse_categorical_crossentropy: SparseCategoricalCrossentropy,
  binary_crossentropy: BinaryCrossentropy,
  bce: BinaryCrossentropy,
  hinge: Hinge,
  categorical_hinge: CategoricalHinge,
  kl_divergence: KLDivergence,
  kld: KLDivergence,
  kullback_leibler_divergence: KLDivergence,
  huber: Huber,
  huber_loss: Huber,
};

/** Folds snake_case, camelCase and class-name spellings together: `meanSquaredError` → `meansquarederror`. */
function fold(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

const BY_FOLDED = new Map<string, LossConstructor>();
for (const [name, ctor] of Object.entries(NAMES)) BY_FOLDED.set(fold(name), ctor);
for (const [name, ctor] of Object.entries(CLASSES)) BY_FOLDED.set(fold(name), ctor);

/** Every loss name `getLoss` accepts, in Keras's snake_case spelling. */
export function lossNames(): string[] {
  return Object.keys(NAMES).sort();
}

/**
 * Resolves a loss: a name (`'categorical_crossentropy'`, `'categoricalCrossentropy'`,
 * `'CategoricalCrossentropy'`, or a Keras alias such as `'mse'`, `'mae'`, `'bce'`), a `Loss` (returned as it
 * is), a plain function (wrapped in a {@link LossFunctionWrapper} named after it), or a serialized
 * `{ className, config }`. An unknown name throws an `UnknownIdentifierError` listing the valid ones.
 * A name gives the class's default name (Keras names the loss after the class, not the alias).
 */
export function getLoss(identifier: string | LossFn | Loss | SerializedLoss): Loss {
  if (identifier instanceof Loss) return identifier;
  if (typeof identifier === 'function') return new LossFunctionWrapper({ fn: identifier });
  if (typeof identifier === 'string') {
    const ctor = BY_FOLDED.get(fold(identifier));
    if (ctor === undefined) throw unknownIdentifier('getLoss', 'loss name', identifier, lossNames());
    return new ctor({});
  }
  if (identifier !== null && typeof identifier === 'object' && typeof identifier.className === 'string') {
    const ctor = Object.prototype.hasOwnProperty.call(CLASSES, identifier.className) ? CLASSES[identifier.className] : undefined;
    if (ctor === undefined) throw unknownIdentifier('getLoss', 'loss class name', identifier.className, Object.keys(CLASSES));
    return new ctor(identifier.config ?? {});
  }
  throw invalidArgument('getLoss', 'identifier', 'a loss name, a Loss, a function or { className, config }', identifier);
}
