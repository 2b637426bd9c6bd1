import { invalidArgument, unknownIdentifier } from '@strata-ml/core';
import { CosineDecay } from './cosine-decay';
import { ExponentialDecay } from './exponential-decay';
import { InverseTimeDecay } from './inverse-time-decay';
import { LearningRateSchedule } from './learning-rate-schedule';
import { PiecewiseConstantDecay } from './piecewise-constant-decay';

/** A schedule as a config holds it. */
export interface SerializedSchedule {
  /** Registered class name, e.g. `'ExponentialDecay'`. */
  className: string;
  /** The schedule's `getConfig()`. */
  config: Record<string, unknown>;
}

type ScheduleConstructor = new (config: never) => LearningRateSchedule;

const SCHEDULES: Record<string, ScheduleConstructor> = { ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay, CosineDecay };

/** `{ className, config }` for a schedule. */
export function serializeSchedule(schedule: LearningRateSchedule): SerializedSchedule {
  return { className: schedule.className, config: schedule.getConfig() };
}

/** Rebuilds a schedule from {@link serializeSchedule}'s output. */
export function deserializeSchedule(serialized: SerializedSchedule): LearningRateSchedule {
  if (serialized === null || typeof serialized !== 'object' || typeof serialized.className !== 'string') {
    throw invalidArgument('deserializeSchedule', 'serialized', '{ className, config }', serialized);
  }
  const ctor = Object.prototype.hasOwnProperty.call(SCHEDULES, serialized.className) ? SCHEDULES[serialized.className] : undefined;
  if (ctor === undefined) {
    throw unknownIdentifier('deserializeSchedule', 'schedule class name', serialized.className, Object.keys(SCHEDULES));
  }
  return new ctor(serialized.config as never);
}
