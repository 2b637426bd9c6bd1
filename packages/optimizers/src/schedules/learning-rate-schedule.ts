import { invalidArgument } from '@strata-ml/core';

/**
 * A learning rate that depends on the optimizer step: `call(step)` returns the rate to use for the
 * update after `step` updates (0 for the first). Evaluated in JavaScript from the iteration count, so
 * a schedule costs no tensor work.
 */
export abstract class LearningRateSchedule {
  /** Registered class name (`'ExponentialDecay'`). */
  abstract readonly className: string;

  /** The learning rate at `step` (updates applied so far). */
  abstract call(step: number): number;

  /** The arguments that rebuild this schedule: `new Cls(schedule.getConfig())`. */
  abstract getConfig(): Record<string, unknown>;
}

/** Checks that `value` is a finite number (`positive`: also > 0). */
export function checkNumber(where: string, argument: string, value: number, positive: boolean): void {
  const ok = typeof value === 'number' && Number.isFinite(value) && (!positive || value > 0);
  if (!ok) throw invalidArgument(where, argument, positive ? 'a positive number' : 'a finite number', value);
}
