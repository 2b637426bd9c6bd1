import { invalidArgument } from '@strata-ml/core';

/** Per-axis amounts for ZeroPadding2D and Cropping2D: `[[top, bottom], [left, right]]`. */
export type Pairs2D = [[number, number], [number, number]];

/**
 * Accepts `n` (all four sides), `[rows, cols]` (symmetric per axis) or `[[top, bottom], [left, right]]`,
 * all non-negative integers, and returns the last form.
 */
export function normalizePairs2D(where: string, argument: string, value: unknown): Pairs2D {
  const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
  if (isCount(value)) return [[value, value], [value, value]];
  if (Array.isArray(value) && value.length === 2) {
    const [a, b] = value as unknown[];
    if (isCount(a) && isCount(b)) return [[a, a], [b, b]];
    const isPair = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && p.every(isCount);
    if (isPair(a) && isPair(b)) return [[a[0], a[1]], [b[0], b[1]]];
  }
  throw invalidArgument(where, argument, 'a non-negative integer, [rows, cols], or [[top, bottom], [left, right]]', value);
}
