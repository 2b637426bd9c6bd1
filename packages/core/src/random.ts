/**
 * One seeded source of randomness for everything Strata draws: weight initialisers, dropout masks and
 * shuffling all take their seeds from here, so `setRandomSeed(s)` makes a whole run repeatable.
 */

import { invalidArgument } from './errors';

/** A small, fast, statistically solid 32-bit generator (Mulberry32), seedable from any integer. */
export class RandomGenerator {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1) with 32 random bits. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A seed for a tfjs random op or a child generator. */
  nextSeed(): number {
    return this.nextUint32();
  }

  /** Shuffles `array` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [index: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = Math.floor(this.nextFloat() * (i + 1));
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }
}

function entropySeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0] ?? 0;
}

let globalGenerator = new RandomGenerator(entropySeed());
let globalSeed: number | null = null;

/**
 * Seeds every source of randomness Strata uses. After `setRandomSeed(s)`, weight initialisation,
 * dropout masks and shuffling repeat bit for bit on the same backend (Keras's `keras.utils.set_random_seed`).
 */
export function setRandomSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0) {
    throw invalidArgument('setRandomSeed', 'seed', 'a non-negative integer', seed);
  }
  globalSeed = seed;
  globalGenerator = new RandomGenerator(seed);
}

/** The seed last given to `setRandomSeed`, or null when the run is unseeded. */
export function getRandomSeed(): number | null {
  return globalSeed;
}

/** Draws a fresh seed from the global generator (for a tfjs random op or a layer's own generator). */
export function nextSeed(): number {
  return globalGenerator.nextSeed();
}

/** The global generator itself, for code that draws many numbers (shuffling). */
export function globalRandom(): RandomGenerator {
  return globalGenerator;
}
