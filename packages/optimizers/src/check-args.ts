import { invalidArgument } from '@strata-ml/core';

/** Checks that each named hyperparameter lies in [0, 1). */
export function checkUnitInterval(where: string, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!(typeof value === 'number' && value >= 0 && value < 1)) throw invalidArgument(where, name, 'a number in [0, 1)', value);
  }
}

/** Checks that each named hyperparameter is a non-negative finite number. */
export function checkNonNegative(where: string, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw invalidArgument(where, name, 'a non-negative number', value);
    }
  }
}
