import { invalidArgument } from '@strata-ml/core';

/** Whether a monitored quantity should go down (`'min'`), up (`'max'`), or be guessed from its name (`'auto'`). */
export type MonitorMode = 'auto' | 'min' | 'max';

/**
 * Resolves `'auto'` as Keras does: quantities named like accuracy or AUC are maximised, everything else
 * (losses, errors) minimised.
 */
export function resolveMode(where: string, mode: MonitorMode, monitor: string): 'min' | 'max' {
  if (mode !== 'auto' && mode !== 'min' && mode !== 'max') throw invalidArgument(where, 'mode', "'auto', 'min' or 'max'", mode);
  if (mode !== 'auto') return mode;
  return /acc|auc/.test(monitor) && !/loss/.test(monitor) ? 'max' : 'min';
}

/** Writes a callback's message the way Keras's verbose callbacks do. */
export function report(message: string): void {
  process.stdout.write(`${message}\n`);
}
