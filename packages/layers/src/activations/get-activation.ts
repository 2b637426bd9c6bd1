import { lookupIdentifier } from '../identifier';
import * as a from './activations';
import type { ActivationFn } from './activations';

/** An activation given by name (Keras snake_case or camelCase) or as a function. */
export type ActivationIdentifier =
  | 'relu' | 'relu6' | 'leaky_relu' | 'leakyRelu' | 'elu' | 'selu' | 'softplus' | 'softsign' | 'sigmoid'
  | 'hard_sigmoid' | 'hardSigmoid' | 'legacy_hard_sigmoid' | 'legacyHardSigmoid' | 'tanh' | 'softmax' | 'log_softmax' | 'logSoftmax' | 'linear'
  | 'exponential' | 'gelu' | 'swish' | 'silu' | 'mish'
  | (string & {})
  | ActivationFn;

// Parametric activations are registered with their Keras defaults.
const ACTIVATIONS: ReadonlyMap<string, ActivationFn> = new Map<string, ActivationFn>([
  ['relu', a.relu],
  ['relu6', a.relu6],
  ['leaky_relu', (x) => a.leakyRelu(x)],
  ['elu', (x) => a.elu(x)],
  ['selu', a.selu],
  ['softplus', a.softplus],
  ['softsign', a.softsign],
  ['sigmoid', a.sigmoid],
  ['hard_sigmoid', a.hardSigmoid],
  ['legacy_hard_sigmoid', a.legacyHardSigmoid],
  ['tanh', a.tanh],
  ['softmax', (x) => a.softmax(x)],
  ['log_softmax', (x) => a.logSoftmax(x)],
  ['linear', a.linear],
  ['exponential', a.exponential],
  ['gelu', (x) => a.gelu(x)],
  ['swish', a.swish],
  ['silu', a.swish],
  ['mish', a.mish],
]);

const NAMES = new Map<ActivationFn, string>();
for (const [name, fn] of ACTIVATIONS) if (!NAMES.has(fn)) NAMES.set(fn, name);

/**
 * Resolves an activation identifier to its function: a name such as `'relu'` or `'log_softmax'` (camelCase
 * accepted), a function (returned as is), or null/undefined for `linear`.
 * Throws an `UnknownIdentifierError` listing the valid names.
 */
export function getActivation(identifier: ActivationIdentifier | null | undefined): ActivationFn {
  if (identifier == null) return a.linear;
  if (typeof identifier === 'function') return identifier;
  return lookupIdentifier(ACTIVATIONS, identifier, 'getActivation', 'activation');
}

/** The name under which an activation serializes: its registered name, else the function's own name. */
export function serializeActivation(fn: ActivationFn): string {
  return NAMES.get(fn) ?? (fn.name || 'linear');
}
