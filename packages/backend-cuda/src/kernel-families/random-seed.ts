/** The seed attribute of the random kernels. */
import { invalidArgument } from '@strata-ml/core';

/** Checks a seed: an integer in [0, 2^53), since it reaches the device as a 64-bit Philox key. */
export function randomSeed(kernel: string, seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw invalidArgument(kernel, 'seed', 'a non-negative safe integer', seed);
  }
  return seed;
}
