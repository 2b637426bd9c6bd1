import { invalidArgument, unknownIdentifier } from '@strata-ml/core';
import { lookupIdentifier } from '../identifier';
import type { SerializedObject } from '../initializers/initializer';
import { L1, L1L2, L2, Regularizer, l1l2 } from './regularizer';

const BY_NAME: ReadonlyMap<string, () => Regularizer> = new Map<string, () => Regularizer>([
  ['l1', () => new L1()],
  ['l2', () => new L2()],
  ['l1_l2', () => l1l2()],
]);

const BY_CLASS: ReadonlyMap<string, new (args: Record<string, unknown>) => Regularizer> = new Map<
  string,
  new (args: Record<string, unknown>) => Regularizer
>([
  ['L1L2', L1L2],
  ['L1', L1],
  ['L2', L2],
]);

/** A regularizer given by name (`'l1'`, `'l2'`, `'l1_l2'`), serialized form, or instance. */
export type RegularizerIdentifier = string | SerializedObject | Regularizer;

/**
 * Resolves a regularizer identifier: a name with Keras's default factor 0.01 (`'l1'`, `'l2'`, `'l1_l2'`,
 * camelCase `'l1L2'` too), a serialized `{ className, config }`, or an instance.
 * Throws an `UnknownIdentifierError` listing the valid names.
 */
export function getRegularizer(identifier: RegularizerIdentifier): Regularizer {
  if (identifier instanceof Regularizer) return identifier;
  if (typeof identifier === 'string') return lookupIdentifier(BY_NAME, identifier, 'getRegularizer', 'regularizer')();
  if (identifier != null && typeof identifier === 'object' && typeof identifier.className === 'string') {
    const cls = BY_CLASS.get(identifier.className);
    if (cls === undefined) throw unknownIdentifier('getRegularizer', 'regularizer class', identifier.className, [...BY_CLASS.keys()]);
    return new cls(identifier.config ?? {});
  }
  throw invalidArgument('getRegularizer', 'identifier', 'a name, { className, config } or a Regularizer', identifier);
}

/** The serialized `{ className, config }` of a regularizer. */
export function serializeRegularizer(regularizer: Regularizer): SerializedObject {
  return { className: regularizer.className, config: regularizer.getConfig() };
}
