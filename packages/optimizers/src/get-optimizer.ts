import { invalidArgument, unknownIdentifier } from '@strata-ml/core';
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { Adamax } from './adamax';
import { AdamW } from './adamw';
import { Nadam } from './nadam';
import { Optimizer } from './optimizer';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

/** An optimizer as a saved config holds it. */
export interface SerializedOptimizer {
  /** Registered class name, e.g. `'Adam'`. */
  className: string;
  /** The optimizer's `getConfig()`. */
  config?: Record<string, unknown>;
}

type OptimizerConstructor = new (config: Record<string, unknown>) => Optimizer;

const CLASSES: Record<string, OptimizerConstructor> = { SGD, Adam, RMSprop, Adagrad, Adadelta, Adamax, Nadam, AdamW };

/** Folds `snake_case`, `camelCase` and class-name spellings together (`'RMSprop'`, `'rmsprop'`). */
function fold(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

const BY_FOLDED = new Map<string, OptimizerConstructor>(Object.entries(CLASSES).map(([n, c]) => [fold(n), c]));

/** Every optimizer name `getOptimizer` accepts, in Keras's lower-case spelling. */
export function optimizerNames(): string[] {
  return Object.keys(CLASSES).map(fold).sort();
}

/**
 * Resolves an optimizer: a name (`'sgd'`, `'adam'`, `'rmsprop'`, `'adagrad'`, `'adadelta'`, `'adamax'`,
 * `'nadam'`, `'adamw'`, any case) gives a fresh one with Keras's defaults; an `Optimizer` is returned as
 * it is; `{ className, config }` (from `getConfig`) rebuilds one. An unknown name throws an
 * `UnknownIdentifierError` listing the valid ones.
 */
export function getOptimizer(identifier: string | Optimizer | SerializedOptimizer): Optimizer {
  if (identifier instanceof Optimizer) return identifier;
  if (typeof identifier === 'string') {
    const ctor = BY_FOLDED.get(fold(identifier));
    if (ctor === undefined) throw unknownIdentifier('getOptimizer', 'optimizer name', identifier, optimizerNames());
    return new ctor({});
  }
  if (identifier !== null && typeof identifier === 'object' && typeof identifier.className === 'string') {
    const ctor = Object.prototype.hasOwnProperty.call(CLASSES, identifier.className) ? CLASSES[identifier.className] : undefined;
    if (ctor === undefined) {
      throw unknownIdentifier('getOptimizer', 'optimizer class name', identifier.className, Object.keys(CLASSES));
    }
    return new ctor(identifier.config ?? {});
  }
  throw invalidArgument('getOptimizer', 'identifier', 'an optimizer name, an Optimizer or { className, config }', identifier);
}
