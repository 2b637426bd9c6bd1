import { defineOptions } from '@strata-ml/core';
import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

/** Arguments of {@link InverseTimeDecay}. */
export interface InverseTimeDecayArgs {
  /** The rate at step 0. */
  initialLearningRate: number;
  /** The step scale of the decay. */
  decaySteps: number;
  /** How fast the rate falls. */
  decayRate: number;
  /** Decay in whole jumps (`floor(step / decaySteps)`); default false. */
  staircase?: boolean;
}

const INVERSE_TIME_DECAY_OPTIONS = defineOptions<InverseTimeDecayArgs>('InverseTimeDecay', {
  initialLearningRate: true,
  decaySteps: true,
  decayRate: true,
  staircase: true,
});

/**
 * `initialLearningRate / (1 + decayRate · step / decaySteps)`, the ratio floored when `staircase`
 * (Keras's `InverseTimeDecay`; the `decay` argument of the old Keras optimizers behaved this way).
 */
export class InverseTimeDecay extends LearningRateSchedule {
  override readonly className = 'InverseTimeDecay';
  /** The rate at step 0. */
  readonly initialLearningRate: number;
  /** The step scale of the decay. */
  readonly decaySteps: number;
  /** How fast the rate falls. */
  readonly decayRate: number;
  /** Whether the ratio is floored. */
  readonly staircase: boolean;

  constructor(args: InverseTimeDecayArgs) {
    super();
    INVERSE_TIME_DECAY_OPTIONS.check(args);
    checkNumber('InverseTimeDecay', 'initialLearningRate', args.initialLearningRate, false);
    checkNumber('InverseTimeDecay', 'decaySteps', args.decaySteps, true);
    checkNumber('InverseTimeDecay', 'decayRate', args.decayRate, false);
    this.initialLearningRate = args.initialLearningRate;
    this.decaySteps = args.decaySteps;
    this.decayRate = args.decayRate;
    this.staircase = args.staircase ?? false;
  }

  override call(step: number): number {
    const p = step / this.decaySteps;
    return this.initialLearningRate / (1 + this.decayRate * (this.staircase ? Math.floor(p) : p));
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
