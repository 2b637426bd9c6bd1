import { invalidArgument, unknownIdentifier } from '@strata-ml/core';
import { lookupIdentifier } from '../identifier';
import type { SerializedObject } from '../initializers/initializer';
import { Constraint, MaxNorm, NonNeg, UnitNorm } from './constraint';

type ConstraintClass = new (args?: never) => Constraint;

const BY_NAME: ReadonlyMap<string, ConstraintClass> = new Map<string, ConstraintClass>([
  ['max_norm', MaxNorm],
  ['non_neg', NonNeg],
  ['unit_norm', UnitNorm],
]);
const BY_CLASS = new Map<string, ConstraintClass>([...BY_NAME.values()].map((c) => [(c as unknown as typeof Constraint).className, c]));

/** A constraint given by name (`'max_norm'`, `'nonNeg'`), serialized form, or instance. */
export type ConstraintIdentifier = string | SerializedObject | Constraint;

/**
 * Resolves a constraint identifier: a name (Keras defaults), a serialized `{ className, config }`, or an
 * instance. Throws an `UnknownIdentifierError` listing the valid names.
 */
export function getConstraint(identifier: ConstraintIdentifier): Constraint {
  if (identifier instanceof Constraint) return identifier;
  if (typeof identifier === 'string') return new (lookupIdentifier(BY_NAME, identifier, 'getConstraint', 'constraint'))();
  if (identifier != null && typeof identifier === 'object' && typeof identifier.className === 'string') {
    const cls = BY_CLASS.get(identifier.className);
    if (cls === undefined) throw unknownIdentifier('getConstraint', 'constraint class', identifier.className, [...BY_CLASS.keys()]);
    return new cls((identifier.config ?? {}) as never);
  }
  throw invalidArgument('getConstraint', 'identifier', 'a name, { className, config } or a Constraint', identifier);
}

/** The serialized `{ className, config }` of a constraint. */
export function serializeConstraint(constraint: Constraint): SerializedObject {
  return { className: constraint.className, config: constraint.getConfig() };
}
