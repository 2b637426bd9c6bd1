import { defineOptions } from '@strata-ml/core';
import { Callback, type Logs } from './callback';
import { Progbar, type ProgbarArgs } from './progbar';

/** Arguments of {@link ProgbarLogger}. */
export interface ProgbarLoggerArgs {
  /** Whether the output is a terminal (default: stdout's). */
  isTTY?: boolean;
  /** Where text goes (default `process.stdout.write`). */
  write?: (text: string) => void;
  /** The clock in milliseconds, for tests. */
  now?: () => number;
}

const PROGBAR_LOGGER_OPTIONS = defineOptions<ProgbarLoggerArgs>('ProgbarLogger', { isTTY: true, write: true, now: true });

/**
 * Prints training progress as Keras does: `Epoch 1/20` then a live bar (verbose 1 on a terminal) or one
 * line per epoch (verbose 1 elsewhere, and verbose 2). `fit`, `evaluate` and `predict` add one when `verbose > 0`. Reads the batch
 * logs only when the bar is redrawn, so training does not wait on the device every step.
 */
export class ProgbarLogger extends Callback {
  private progbar: Progbar | null = null;
  private seen = 0;
  private inFit = false;
  private readonly options: ProgbarLoggerArgs;

  constructor(args: ProgbarLoggerArgs = {}) {
    super();
    PROGBAR_LOGGER_OPTIONS.check(args);
    this.options = args;
  }

  private makeBar(target: number): Progbar {
    const args: ProgbarArgs = { target, verbose: this.params.verbose === 2 ? 2 : 1 };
    if (this.options.isTTY !== undefined) args.isTTY = this.options.isTTY;
    if (this.options.write !== undefined) args.write = this.options.write;
    if (this.options.now !== undefined) args.now = this.options.now;
    return new Progbar(args);
  }

  private print(text: string): void {
    (this.options.write ?? ((t: string) => void process.stdout.write(t)))(text);
  }

  override onTrainBegin(): void {
    this.inFit = true;
  }

  override onTrainEnd(): void {
    this.inFit = false;
  }

  override onEpochBegin(epoch: number): void {
    if (this.params.verbose === 0) return;
    this.print(`Epoch ${epoch + 1}/${this.params.epochs}\n`);
    this.progbar = this.makeBar(this.params.steps);
    this.seen = 0;
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void {
    this.seen = batch + 1;
    // The last step is drawn at epoch end, together with the validation results.
    if (this.progbar && this.seen < this.progbar.target && this.progbar.wantsUpdate(this.seen)) {
      this.progbar.update(this.seen, { ...logs });
    }
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    if (this.progbar) this.progbar.update(this.progbar.target, { ...logs });
    this.progbar = null;
  }

  override onTestBegin(): void {
    // A standalone evaluate shows its own bar; validation inside fit is reported at epoch end.
    if (this.params.verbose !== 0 && !this.inFit) this.progbar = this.makeBar(this.params.steps);
  }

  override onTestBatchEnd(batch: number, logs: Logs = {}): void {
    if (this.progbar && !this.inFit && batch + 1 < this.progbar.target && this.progbar.wantsUpdate(batch + 1)) {
      this.progbar.update(batch + 1, { ...logs });
    }
  }

  override onPredictBegin(): void {
    if (this.params.verbose !== 0) this.progbar = this.makeBar(this.params.steps);
  }

  override onPredictBatchEnd(batch: number): void {
    if (this.progbar && batch + 1 < this.progbar.target && this.progbar.wantsUpdate(batch + 1)) this.progbar.update(batch + 1, {});
  }

  override onPredictEnd(): void {
    if (this.progbar) this.progbar.update(this.progbar.target, {});
    this.progbar = null;
  }

  override onTestEnd(logs: Logs = {}): void {
    if (this.inFit) return;
    if (this.progbar) this.progbar.update(this.progbar.target, { ...logs });
    this.progbar = null;
  }
}
