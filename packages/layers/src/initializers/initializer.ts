import { Tensor, nextSeed, invalidArgument, optionKeys } from '@strata-ml/core';

/** The serialized form of an initializer, regularizer, constraint or layer: class name plus config. */
export interface SerializedObject {
  className: string;
  config: Record<string, unknown>;
}

/**
 * Creates the initial value of a weight. Subclasses implement `apply`; `getConfig` returns what their
 * constructor needs so that `getInitializer({ className, config })` rebuilds them.
 */
export abstract class Initializer {
  /** The registered class name, as Keras names the class (`GlorotUniform`). */
  static readonly className: string = 'Initializer';

  /** A new tensor of `shape` filled as this initializer prescribes. */
  abstract apply(shape: number[], dtype?: 'float32'): Tensor;

  /** The constructor arguments, JSON-serializable. */
  getConfig(): Record<string, unknown> {
    return {};
  }

  /** This initializer's class name. */
  get className(): string {
    return (this.constructor as typeof Initializer).className;
  }
}

/** The shared argument of the random initializers. */
export interface SeedArgs {
  /**
   * Fixes the random draw: the same seed gives the same values on every call. Without a seed each call
   * draws a fresh seed from core's `nextSeed()`, so `setRandomSeed` makes runs repeatable.
   */
  seed?: number | null;
}

/** The keys of {@link SeedArgs}, spread by the option lists of the random initializers. */
export const SEED_OPTION_KEYS = optionKeys<SeedArgs>({ seed: true });

/** The seed for one draw: the fixed one, or a fresh one from the global generator. */
export function drawSeed(seed: number | undefined): number {
  return seed ?? nextSeed();
}

/** Checks an optional seed argument. */
export function checkSeed(where: string, seed: number | undefined): void {
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) {
    throw invalidArgument(where, 'seed', 'a non-negative integer', seed);
  }
}

/**
 * Fan-in and fan-out of a weight shape, as Keras computes them: a scalar has 1 and 1, a vector n and n,
 * a matrix `[in, out]`, and a convolution kernel `[...receptive field, in, out]` multiplies both by the
 * receptive field size.
 */
export function computeFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0] as number, fanOut: shape[0] as number };
  const receptiveField = shape.slice(0, -2).reduce((p, d) => p * d, 1);
  return {
    fanIn: (shape[shape.length - 2] as number) * receptiveField,
    fanOut: (shape[shape.length - 1] as number) * receptiveField,
  };
}
