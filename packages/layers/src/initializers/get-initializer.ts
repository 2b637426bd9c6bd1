import { invalidArgument, unknownIdentifier } from '@strata-ml/core';
import { lookupIdentifier } from '../identifier';
import { Constant, Ones, Zeros } from './constant';
import { Identity } from './identity';
import { Initializer, type SerializedObject } from './initializer';
import { Orthogonal } from './orthogonal';
import { RandomNormal, RandomUniform, TruncatedNormal } from './random';
import {
  GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, VarianceScaling,
} from './variance-scaling';

type InitializerClass = new (args?: never) => Initializer;

const BY_NAME: ReadonlyMap<string, InitializerClass> = new Map<string, InitializerClass>([
  ['zeros', Zeros],
  ['ones', Ones],
  ['constant', Constant],
  ['random_normal', RandomNormal],
  ['random_uniform', RandomUniform],
  ['truncated_normal', TruncatedNormal],
  ['variance_scaling', VarianceScaling],
  ['glorot_uniform', GlorotUniform],
  ['glorot_normal', GlorotNormal],
  ['he_uniform', HeUniform],
  ['he_normal', HeNormal],
  ['lecun_uniform', LecunUniform],
  ['lecun_normal', LecunNormal],
  ['orthogonal', Orthogonal],
  ['identity', Identity],
]);

const BY_CLASS = new Map<string, InitializerClass>(
  [...BY_NAME.values()].map((cls) => [(cls as unknown as typeof Initializer).className, cls]),
);

/** An initializer given by name (`'glorot_uniform'`, `'heNormal'`), serialized form, or instance. */
export type InitializerIdentifier = string | SerializedObject | Initializer;

/**
 * Resolves an initializer identifier: a name (snake_case or camelCase, Keras defaults), a serialized
 * `{ className, config }`, or an instance (returned as is).
 * Throws an `UnknownIdentifierError` listing the valid names.
 */
export function getInitializer(identifier: InitializerIdentifier): Initializer {
  if (identifier instanceof Initializer) return identifier;
  if (typeof identifier === 'string') return new (lookupIdentifier(BY_NAME, identifier, 'getInitializer', 'initializer'))();
  if (identifier != null && typeof identifier === 'object' && typeof identifier.className === 'string') {
    const cls = BY_CLASS.get(identifier.className) ?? BY_NAME.get(identifier.className);
    if (cls === undefined) throw unknownIdentifier('getInitializer', 'initializer class', identifier.className, [...BY_CLASS.keys()]);
    return new cls((identifier.config ?? {}) as never);
  }
  throw invalidArgument('getInitializer', 'identifier', 'a name, { className, config } or an Initializer', identifier);
}

/** The serialized `{ className, config }` of an initializer. */
export function serializeInitializer(initializer: Initializer): SerializedObject {
  return { className: initializer.className, config: initializer.getConfig() };
}
