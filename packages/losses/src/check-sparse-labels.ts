import { Tensor, ValueError, invalidArgument } from '@strata-ml/core';

/**
 * Checks once, on the whole label set, that sparse labels are integers in `[0, numClasses)`; throws a
 * `ValueError` naming the first bad label and its index. `sparseCategoricalCrossentropy` cannot check
 * this itself without reading the labels back every step (an out-of-range label would silently give a
 * loss of 0), so a training loop calls this before the first epoch. Reads a tensor back once.
 */
export function checkSparseLabels(labels: Tensor | ArrayLike<number>, numClasses: number): void {
  const where = 'checkSparseLabels';
  if (!Number.isInteger(numClasses) || numClasses <= 0) {
    throw invalidArgument(where, 'numClasses', 'a positive integer', numClasses);
  }
  const values = labels instanceof Tensor ? labels.dataSync() : labels;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isInteger(v) || v < 0 || v >= numClasses) {
      throw new ValueError(
        `sparseCategoricalCrossentropy: labels must be integers in [0, ${numClasses}) for ${numClasses} classes; ` +
          `received labels[${i}]=${String(v)}`,
      );
    }
  }
}
