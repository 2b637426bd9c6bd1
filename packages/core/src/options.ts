/**
 * Strict option objects. Keras raises on an unknown keyword argument; in JavaScript a misspelt key
 * (`{ inputShap: [784] }`, `{ batch_size: 64 }`, `{ lr: 0.01 }`) would otherwise be dropped in silence.
 * Each options interface gets one runtime key list, written once beside it and checked by the compiler
 * against the interface in both directions, so the two cannot drift apart.
 */
import { UnknownOptionError, ValueError, formatValue } from './errors';
import { closestName } from './closest-name';
import { warnOnce } from './warn-once';

/** The options of a class that takes none: only `{}` type-checks, and any key is refused at run time. */
export type NoOptions = Record<string, never>;

/** Every key of the options interface `T`, each mapped to `true`: its runtime key list. */
export type OptionKeys<T> = { readonly [K in keyof T]-?: true };

/** Older Keras spellings a class knows about. */
export interface LegacyOptions {
  /** Keras 2 names Keras 3 still accepts: used under the new name, with a one-time warning (old → new). */
  readonly renamed?: Readonly<Record<string, string>>;
  /** Names refused with a specific explanation instead of a guess (removed in Keras 3, or not supported here). */
  readonly refused?: Readonly<Record<string, string>>;
}

/**
 * The key list of an options interface, for composing larger ones by spreading: the compiler rejects a key
 * that `T` lacks and reports every key of `T` that is missing.
 *
 * ```ts
 * export const LAYER_OPTION_KEYS = optionKeys<LayerArgs>({ name: true, trainable: true, … });
 * ```
 */
export function optionKeys<T extends object>(keys: OptionKeys<T>): OptionKeys<T> {
  return keys;
}

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The valid keys of one options object and the older spellings it knows; see {@link defineOptions}. */
export class OptionSpec<T extends object> {
  /** Who takes the options, for messages (`'Dense'`, `'fit'`). */
  readonly where: string;
  /** The valid keys, in declaration order. */
  readonly keys: readonly string[];
  private readonly valid: ReadonlySet<string>;
  private readonly renamed: ReadonlyMap<string, string>;
  private readonly refused: ReadonlyMap<string, string>;

  constructor(where: string, keys: OptionKeys<T>, legacy: LegacyOptions = {}) {
    this.where = where;
    this.keys = Object.keys(keys);
    this.valid = new Set(this.keys);
    this.renamed = new Map(Object.entries(legacy.renamed ?? {}));
    this.refused = new Map(Object.entries(legacy.refused ?? {}));
  }

  /**
   * Checks `args` and returns them with Keras 2 names moved to their new ones (the same object when there are
   * none). Throws a `ValueError` for a non-object and an `UnknownOptionError` for an unknown key (naming the closest valid key), a snake_case
   * key (naming its camelCase form) or a refused Keras 2 name (saying what replaced it). Only own keys count,
   * so `{ constructor: … }` is as unknown as any other. `where` overrides the spec's name (for subclasses).
   */
  check(args: T | undefined, where: string = this.where): T {
    if (args === undefined) return {} as T;
    if (args === null || typeof args !== 'object' || Array.isArray(args)) {
      throw new ValueError(`${where}: options must be an object of named options; received ${formatValue(args)}`);
    }
    let result = args as Record<string, unknown>;
    for (const key of Object.keys(args)) {
      if (this.valid.has(key)) continue;
      const newName = this.renamed.get(key);
      if (newName !== undefined) {
        result = this.rename(where, result, key, newName);
        continue;
      }
      throw new UnknownOptionError(`${where}: ${this.explainUnknown(key)}`, key);
    }
    return result as T;
  }

  private rename(where: string, args: Record<string, unknown>, key: string, newName: string): Record<string, unknown> {
    if (Object.prototype.hasOwnProperty.call(args, newName)) {
      throw new ValueError(`${where}: '${key}' is the Keras 2 name of '${newName}'; give only '${newName}'`);
    }
    warnOnce(`${where}: option '${key}' is deprecated (its Keras 2 name); use '${newName}'`);
    const { [key]: value, ...rest } = args;
    return { ...rest, [newName]: value };
  }

  private explainUnknown(key: string): string {
    const refusal = this.refused.get(key);
    if (refusal !== undefined) return refusal;
    const listing = this.keys.length === 0 ? `; ${this.where} takes no options` : `; valid options: ${this.keys.join(', ')}`;
    if (SNAKE.test(key)) {
      const camel = camelCase(key);
      const camelRefusal = this.refused.get(camel);
      if (camelRefusal !== undefined) return `${camelRefusal} (options are camelCase: '${key}' is '${camel}')`;
      if (this.valid.has(camel) || this.renamed.has(camel)) return `unknown option '${key}': options are camelCase, use '${this.renamed.get(camel) ?? camel}'`;
    }
    const closest = closestName(key, this.keys);
    return `unknown option '${key}'${closest === undefined ? '' : ` (did you mean '${closest}'?)`}${listing}`;
  }
}

/**
 * The options of one class or function: its name for messages, its key list (usually spread from the key
 * lists of the interfaces it extends) and the older Keras spellings it knows.
 *
 * ```ts
 * const OPTIONS = defineOptions<LeakyReLUArgs>('LeakyReLU', { ...LAYER_OPTION_KEYS, negativeSlope: true }, {
 *   renamed: { alpha: 'negativeSlope' },
 * });
 * // in the constructor:
 * args = OPTIONS.check(args);
 * ```
 */
export function defineOptions<T extends object>(where: string, keys: OptionKeys<T>, legacy?: LegacyOptions): OptionSpec<T> {
  return new OptionSpec<T>(where, keys, legacy);
}

/** A refusal message for a Keras option that Strata does not implement (`useEma` for Keras's `use_ema`). */
export function notSupportedYet(key: string, kerasName: string): string {
  return `option '${key}' (Keras's ${kerasName}) is not supported yet`;
}

/** A refusal message for a Keras 2 option that Keras 3 no longer accepts under that name. */
export function renamedInKeras3(key: string, newName: string): string {
  return `option '${key}' was renamed '${newName}' in Keras 3 (which refuses '${key}' too); use '${newName}'`;
}
