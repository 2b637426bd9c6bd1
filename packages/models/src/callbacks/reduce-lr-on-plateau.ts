import { invalidArgument, defineOptions } from '@strata-ml/core';
import { Callback, type Logs } from './callback';
import { report, resolveMode, type MonitorMode } from './monitor';

/** Arguments of {@link ReduceLROnPlateau}. */
export interface ReduceLROnPlateauArgs {
  /** The log entry watched (default `'val_loss'`). */
  monitor?: string;
  /** The learning rate is multiplied by this, below 1 (default 0.1). */
  factor?: number;
  /** Epochs without improvement before reducing (default 10). */
  patience?: number;
  /** 1 prints each reduction (default 0). */
  verbose?: 0 | 1;
  /** `'min'`, `'max'` or `'auto'` (default). */
  mode?: MonitorMode;
  /** The smallest change that counts as an improvement (default 1e-4). */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again (default 0). */
  cooldown?: number;
  /** The learning rate is never reduced below this (default 0). */
  minLr?: number;
}

const REDUCE_LR_ON_PLATEAU_OPTIONS = defineOptions<ReduceLROnPlateauArgs>('ReduceLROnPlateau', {
  monitor: true,
  factor: true,
  patience: true,
  verbose: true,
  mode: true,
  minDelta: true,
  cooldown: true,
  minLr: true,
});

/** Multiplies the learning rate by `factor` when `monitor` has stopped improving for `patience` epochs (Keras's `ReduceLROnPlateau`). */
export class ReduceLROnPlateau extends Callback {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: 0 | 1;
  readonly mode: 'min' | 'max';
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  private best = Infinity;
  private wait = 0;
  private cooldownCounter = 0;

  constructor(args: ReduceLROnPlateauArgs = {}) {
    super();
    REDUCE_LR_ON_PLATEAU_OPTIONS.check(args);
    this.monitor = args.monitor ?? 'val_loss';
    this.factor = args.factor ?? 0.1;
    if (!(this.factor < 1) || !(this.factor >= 0)) {
      throw invalidArgument('ReduceLROnPlateau', 'factor', 'a number in [0, 1) (it must reduce the rate)', args.factor);
    }
    this.patience = args.patience ?? 10;
    this.verbose = args.verbose ?? 0;
    this.mode = resolveMode('ReduceLROnPlateau', args.mode ?? 'auto', this.monitor);
    this.minDelta = args.minDelta ?? 1e-4;
    this.cooldown = args.cooldown ?? 0;
    this.minLr = args.minLr ?? 0;
  }

  private improves(value: number): boolean {
    return this.mode === 'min' ? value < this.best - this.minDelta : value > this.best + this.minDelta;
  }

  override onTrainBegin(): void {
    this.best = this.mode === 'min' ? Infinity : -Infinity;
    this.wait = 0;
    this.cooldownCounter = 0;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const optimizer = this.model?.optimizer;
    if (!optimizer) return;
    logs['learning_rate'] = optimizer.learningRate;
    const current = logs[this.monitor];
    if (current === undefined) {
      report(`ReduceLROnPlateau: monitor '${this.monitor}' is not in the logs; available: ${Object.keys(logs).join(', ')}`);
      return;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    if (this.improves(current)) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownCounter <= 0) {
      this.wait += 1;
      if (this.wait >= this.patience) {
        const old = optimizer.learningRate;
        if (old > this.minLr) {
          const next = Math.max(old * this.factor, this.minLr);
          optimizer.learningRate = next;
          if (this.verbose > 0) report(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${next}.`);
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}
