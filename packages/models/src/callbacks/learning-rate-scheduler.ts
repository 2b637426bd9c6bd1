import { invalidArgument, defineOptions } from '@strata-ml/core';
import { Callback, type Logs } from './callback';
import { report } from './monitor';

/** Arguments of {@link LearningRateScheduler}. */
export interface LearningRateSchedulerArgs {
  /** The learning rate for an epoch (0-based), given the current one. */
  schedule: (epoch: number, learningRate: number) => number;
  /** 1 prints each change (default 0). */
  verbose?: 0 | 1;
}

const LEARNING_RATE_SCHEDULER_OPTIONS = defineOptions<LearningRateSchedulerArgs>('LearningRateScheduler', {
  schedule: true,
  verbose: true,
});

/**
 * Sets the optimizer's learning rate at the start of every epoch from `schedule(epoch, lr)` and logs it as
 * `learning_rate` (Keras's `LearningRateScheduler`).
 */
export class LearningRateScheduler extends Callback {
  private readonly schedule: (epoch: number, learningRate: number) => number;
  private readonly verbose: 0 | 1;

  constructor(args: LearningRateSchedulerArgs) {
    super();
    LEARNING_RATE_SCHEDULER_OPTIONS.check(args);
    if (typeof args?.schedule !== 'function') throw invalidArgument('LearningRateScheduler', 'schedule', 'a function (epoch, lr) => number', args?.schedule);
    this.schedule = args.schedule;
    this.verbose = args.verbose ?? 0;
  }

  override onEpochBegin(epoch: number): void {
    const optimizer = this.model?.optimizer;
    if (!optimizer) return;
    const lr = this.schedule(epoch, optimizer.learningRate);
    if (typeof lr !== 'number' || !Number.isFinite(lr)) {
      throw invalidArgument('LearningRateScheduler', 'schedule(epoch, lr)', 'a finite number', lr);
    }
    optimizer.learningRate = lr;
    if (this.verbose > 0) report(`\nEpoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${lr}.`);
  }

  override onEpochEnd(_epoch: number, logs?: Logs): void {
    const optimizer = this.model?.optimizer;
    if (optimizer && logs) logs['learning_rate'] = optimizer.learningRate;
  }
}
