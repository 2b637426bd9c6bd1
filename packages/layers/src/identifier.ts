import { unknownIdentifier } from '@strata-ml/core';
import { toSnakeCase } from './names';

/**
 * Looks up a string identifier in a table keyed by Keras's snake_case names, accepting camelCase and
 * PascalCase spellings too (`glorot_uniform`, `glorotUniform`, `GlorotUniform`).
 * Throws an `UnknownIdentifierError` listing the valid names.
 */
export function lookupIdentifier<T>(table: ReadonlyMap<string, T>, id: string, where: string, kind: string): T {
  const found = table.get(id) ?? table.get(toSnakeCase(id));
  if (found === undefined) throw unknownIdentifier(where, kind, id, [...table.keys()]);
  return found;
}
