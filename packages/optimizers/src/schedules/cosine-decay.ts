import { defineOptions } from '@strata-ml/core';
import { LearningRateSchedule, checkNumber } from './learning-rate-schedule';

/** Arguments of {@link CosineDecay}. */
export interface CosineDecayArgs {
  /** The rate at step 0 (the start of the warm-up when there is one). */
  initialLearningRate: number;
  /** Steps of the cosine decay (after the warm-up). */
  decaySteps: number;
  /** The floor, as a fraction of the decayed-from rate; default 0. */
  alpha?: number;
  /** With a warm-up, the rate reached linearly after `warmupSteps`; the decay starts from it. Default none. */
  warmupTarget?: number;
  /** Steps of linear warm-up; default 0. */
  warmupSteps?: number;
}

const COSINE_DECAY_OPTIONS = defineOptions<CosineDecayArgs>('CosineDecay', {
  initialLearningRate: true,
  decaySteps: true,
  alpha: true,
  warmupTarget: true,
  warmupSteps: true,
});

/**
 * Cosine decay, optionally after a linear warm-up (Keras's `CosineDecay`, SGDR without restarts):
 * `rate · ((1 - alpha) · ½(1 + cos(π · min(step, decaySteps) / decaySteps)) + alpha)`, where `rate` is
 * `initialLearningRate`, or `warmupTarget` after a warm-up from `initialLearningRate` to it.
 */
export class CosineDecay extends LearningRateSchedule {
  override readonly className = 'CosineDecay';
  /** The rate at step 0. */
  readonly initialLearningRate: number;
  /** Steps of the cosine decay. */
  readonly decaySteps: number;
  /** The floor fraction. */
  readonly alpha: number;
  /** The rate reached after the warm-up, if any. */
  readonly warmupTarget: number | undefined;
  /** Steps of linear warm-up. */
  readonly warmupSteps: number;

  constructor(args: CosineDecayArgs) {
    super();
    COSINE_DECAY_OPTIONS.check(args);
    checkNumber('CosineDecay', 'initialLearningRate', args.initialLearningRate, false);
    checkNumber('CosineDecay', 'decaySteps', args.decaySteps, true);
    this.initialLearningRate = args.initialLearningRate;
    this.decaySteps = args.decaySteps;
    this.alpha = args.alpha ?? 0;
    this.warmupTarget = args.warmupTarget ?? undefined;
    this.warmupSteps = args.warmupSteps ?? 0;
  }

  override call(step: number): number {
    if (this.warmupTarget === undefined) return this.decay(Math.min(step, this.decaySteps), this.initialLearningRate);
    const s = Math.min(step, this.decaySteps + this.warmupSteps);
    if (s < this.warmupSteps) {
      return this.initialLearningRate + ((this.warmupTarget - this.initialLearningRate) * s) / this.warmupSteps;
    }
    return this.decay(s - this.warmupSteps, this.warmupTarget);
  }

  private decay(step: number, from: number): number {
    const cosine = 0.5 * (1 + Math.cos((Math.PI * step) / this.decaySteps));
    return from * ((1 - this.alpha) * cosine + this.alpha);
  }

  override getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = {
      initialLearningRate: this.initialLearningRate,
      decaySteps: this.decaySteps,
      alpha: this.alpha,
      warmupSteps: this.warmupSteps,
    };
    if (this.warmupTarget !== undefined) config['warmupTarget'] = this.warmupTarget;
    return config;
  }
}
