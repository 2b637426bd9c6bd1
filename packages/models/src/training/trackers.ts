import type { Tensor } from '@strata/core';
import { Mean } from '@strata/metrics';
import type { Logs } from '../callbacks/callback';
import type { MetricEntry } from './compiled';

/**
 * The running values a loop reports: the total loss, each output's loss (only when the model has several
 * outputs, logged as `<output>_loss`), and the metrics. Updating never reads data back; `read` does once.
 */
export class Trackers {
  private readonly total = new Mean({ name: 'loss' });
  private readonly perOutput: { key: string; mean: Mean }[];

  constructor(
    outputNames: string[],
    private readonly metrics: MetricEntry[],
  ) {
    this.perOutput = outputNames.length > 1 ? outputNames.map((o) => ({ key: `${o}_loss`, mean: new Mean({ name: `${o}_loss` }) })) : [];
  }

  /** Adds one batch: its total loss, each output's loss, and the metrics on its targets and predictions. */
  update(total: Tensor, outputLosses: Tensor[], yTrue: Tensor[], yPred: Tensor[], batchSize: number): void {
    this.total.update(total, batchSize);
    this.perOutput.forEach((t, i) => t.mean.update(outputLosses[i] as Tensor, batchSize));
    for (const m of this.metrics) m.metric.updateState(yTrue[m.output] as Tensor, yPred[m.output] as Tensor);
  }

  /** Zeroes everything (Keras does so at the start of every epoch and evaluation). */
  reset(): void {
    this.total.resetState();
    for (const t of this.perOutput) t.mean.resetState();
    for (const m of this.metrics) m.metric.resetState();
  }

  private entries(): [string, () => number][] {
    return [
      ['loss', () => this.total.result()],
      ...this.perOutput.map((t): [string, () => number] => [t.key, () => t.mean.result()]),
      ...this.metrics.map((m): [string, () => number] => [m.key, () => m.metric.result()]),
    ];
  }

  /** The current values, read back now (one small read per entry). */
  read(): Logs {
    const logs: Logs = {};
    for (const [key, value] of this.entries()) logs[key] = value();
    return logs;
  }

  /**
   * Logs whose entries are read only when accessed, so that a batch callback that does not look (or a
   * progress bar between redraws) costs no device round trip.
   */
  lazy(): Logs {
    const logs: Logs = {};
    for (const [key, read] of this.entries()) {
      let cached: number | undefined;
      Object.defineProperty(logs, key, {
        enumerable: true,
        configurable: true,
        get: () => (cached ??= read()),
        set: (v: number) => {
          cached = v;
        },
      });
    }
    return logs;
  }

  /** Frees the loss trackers (the metrics belong to the compiled state). */
  dispose(): void {
    this.total.dispose();
    for (const t of this.perOutput) t.mean.dispose();
  }
}
