import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { Callback, type Logs } from './callback';
import { report, resolveMode, type MonitorMode } from './monitor';

/** Arguments of {@link EarlyStopping}. */
export interface EarlyStoppingArgs {
  /** The log entry watched (default `'val_loss'`). */
  monitor?: string;
  /** The smallest change that counts as an improvement (default 0). */
  minDelta?: number;
  /** Epochs without improvement before stopping (default 0). */
  patience?: number;
  /** 1 prints a line when training stops (default 0). */
  verbose?: 0 | 1;
  /** `'min'`, `'max'` or `'auto'` (default; accuracy-like names are maximised). */
  mode?: MonitorMode;
  /** Training stops unless the quantity beats this value within `patience` epochs. */
  baseline?: number | null;
  /** Restores the weights of the best epoch when stopping (default false). */
  restoreBestWeights?: boolean;
  /** Epochs to wait before watching at all (default 0). */
  startFromEpoch?: number;
}

const EARLY_STOPPING_OPTIONS = defineOptions<EarlyStoppingArgs>('EarlyStopping', {
  monitor: true,
  minDelta: true,
  patience: true,
  verbose: true,
  mode: true,
  baseline: true,
  restoreBestWeights: true,
  startFromEpoch: true,
});

/**
 * Stops training when `monitor` has stopped improving for `patience` epochs (Keras's `EarlyStopping`), by
 * setting `model.stopTraining`.
 */
export class EarlyStopping extends Callback {
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly verbose: 0 | 1;
  readonly mode: 'min' | 'max';
  readonly baseline: number | null;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** The epoch training was stopped at, 0 if it was not. */
  stoppedEpoch = 0;
  /** The best value seen. */
  best = Infinity;
  /** The epoch of the best value. */
  bestEpoch = 0;
  private bestWeights: Tensor[] | null = null;

  constructor(args: EarlyStoppingArgs = {}) {
    super();
    EARLY_STOPPING_OPTIONS.check(args);
    this.monitor = args.monitor ?? 'val_loss';
    this.minDelta = Math.abs(args.minDelta ?? 0);
    this.patience = args.patience ?? 0;
    if (!Number.isInteger(this.patience) || this.patience < 0) throw invalidArgument('EarlyStopping', 'patience', 'a non-negative integer', args.patience);
    this.verbose = args.verbose ?? 0;
    this.mode = resolveMode('EarlyStopping', args.mode ?? 'auto', this.monitor);
    this.baseline = args.baseline ?? null;
    this.restoreBestWeights = args.restoreBestWeights ?? false;
    this.startFromEpoch = args.startFromEpoch ?? 0;
  }

  private isImprovement(value: number, reference: number): boolean {
    return this.mode === 'min' ? value + this.minDelta < reference : value - this.minDelta > reference;
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = this.mode === 'min' ? Infinity : -Infinity;
    this.bestEpoch = 0;
    this.setBestWeights(null);
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const current = logs[this.monitor];
    if (current === undefined) {
      report(`EarlyStopping: monitor '${this.monitor}' is not in the logs; available: ${Object.keys(logs).join(', ')}`);
      return;
    }
    if (epoch < this.startFromEpoch) return;
    const model = this.model;
    if (this.restoreBestWeights && this.bestWeights === null && model) this.setBestWeights(model.getWeights());
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights && model) this.setBestWeights(model.getWeights());
      // The wait restarts only when the value also beats the baseline.
      if (this.baseline === null || this.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0 && model) {
      this.stoppedEpoch = epoch;
      model.stopTraining = true;
      if (this.restoreBestWeights && this.bestWeights !== null) {
        if (this.verbose > 0) report(`Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`);
        model.setWeights(this.bestWeights);
      }
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0) report(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
    this.setBestWeights(null);
  }

  private setBestWeights(weights: Tensor[] | null): void {
    if (this.bestWeights) tf.dispose(this.bestWeights);
    this.bestWeights = weights;
  }
}
