import { defineOptions } from '@strata-ml/core';
import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

/** Arguments of {@link ExponentialDecay}. */
export interface ExponentialDecayArgs {
  /** The rate at step 0. */
  initialLearningRate: number;
  /** Steps over which the rate is multiplied by `decayRate` once. */
  decaySteps: number;
  /** The factor applied every `decaySteps` steps. */
  decayRate: number;
  /** Decay in whole jumps (`floor(step / decaySteps)`) instead of smoothly; default false. */
  staircase?: boolean;
}

const EXPONENTIAL_DECAY_OPTIONS = defineOptions<ExponentialDecayArgs>('ExponentialDecay', {
  initialLearningRate: true,
  decaySteps: true,
  decayRate: true,
  staircase: true,
});

/**
 * `initialLearningRate · decayRate^(step / decaySteps)`, with the exponent floored when `staircase`
 * (Keras's `ExponentialDecay`).
 */
export class ExponentialDecay extends LearningRateSchedule {
  override readonly className = 'ExponentialDecay';
  /** The rate at step 0. */
  readonly initialLearningRate: number;
  /** Steps per decay by `decayRate`. */
  readonly decaySteps: number;
  /** The factor applied every `decaySteps` steps. */
  readonly decayRate: number;
  /** Whether the exponent is floored. */
  readonly staircase: boolean;

  constructor(args: ExponentialDecayArgs) {
    super();
    EXPONENTIAL_DECAY_OPTIONS.check(args);
    checkNumber('ExponentialDecay', 'initialLearningRate', args.initialLearningRate, false);
    checkNumber('ExponentialDecay', 'decaySteps', args.decaySteps, true);
    checkNumber('ExponentialDecay', 'decayRate', args.decayRate, false);
    this.initialLearningRate = args.initialLearningRate;
    this.decaySteps = args.decaySteps;
    this.decayRate = args.decayRate;
    this.staircase = args.staircase ?? false;
  }

  override call(step: number): number {
    const p = step / this.decaySteps;
    return this.initialLearningRate * Math.pow(this.decayRate, this.staircase ? Math.floor(p) : p);
  }

  override getConfig(): Record<string, unknown> {
    return {
      initialLearningRate: this.initialLearningRate,
      decaySteps: this.decaySteps,
      decayRate: this.decayRate,
      staircase: this.staircase,
    };
  }
}
