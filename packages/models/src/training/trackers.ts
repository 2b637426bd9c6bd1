import { tf, type Tensor } from '@strata/core';
import type { Logs } from '../callbacks/callback';
import type { MetricEntry } from './compiled';

/**
 * The batch-size-weighted running mean of a batch loss. The weight is a JavaScript number, so only the sum
 * lives in a tensor and one update is a multiply and an add (the general `Mean` metric also accumulates its
 * count in a tensor and reduces its input to samples first, several kernels more every step).
 */
class LossMean {
  private readonly sum = tf.tidy(() => tf.variable(tf.scalar(0), false));
  private count = 0;

  update(loss: Tensor, batchSize: number): void {
    tf.tidy(() => this.sum.assign(tf.add(this.sum, tf.mul(loss, batchSize))));
    this.count += batchSize;
  }

  reset(): void {
    tf.tidy(() => this.sum.assign(tf.zerosLike(this.sum)));
    this.count = 0;
  }

  result(): number {
    return this.count === 0 ? 0 : (this.sum.dataSync()[0] as number) / this.count;
  }

  dispose(): void {
    this.sum.dispose();
  }
}

/**
 * The running values a loop reports: the total loss, each output's loss (only when the model has several
 * outputs, logged as `<output>_loss`), and the metrics. Updating never reads data back; `read` does once.
 */
export class Trackers {
  private readonly total = new LossMean();
  private readonly perOutput: { key: string; mean: LossMean }[];

  constructor(
    outputNames: string[],
    private readonly metrics: MetricEntry[],
  ) {
    this.perOutput = outputNames.length > 1 ? outputNames.map((o) => ({ key: `${o}_loss`, mean: new LossMean() })) : [];
  }

  /** Adds one batch: its total loss, each output's loss, and the metrics on its targets and predictions. */
  update(total: Tensor, outputLosses: Tensor[], yTrue: Tensor[], yPred: Tensor[], batchSize: number): void {
    this.total.update(total, batchSize);
    this.perOutput.forEach((t, i) => t.mean.update(outputLosses[i] as Tensor, batchSize));
    for (const m of this.metrics) m.metric.updateState(yTrue[m.output] as Tensor, yPred[m.output] as Tensor);
  }

  /** Zeroes everything (Keras does so at the start of every epoch and evaluation). */
  reset(): void {
    this.total.reset();
    for (const t of this.perOutput) t.mean.reset();
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
