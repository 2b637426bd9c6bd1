import { tf, type Tensor } from '@strata-ml/core';
import { BinaryAccuracy, CategoricalAccuracy, MeanMetricWrapper, SparseCategoricalAccuracy, type Metric } from '@strata-ml/metrics';
import type { Logs } from '../callbacks/callback';
import type { MetricEntry } from './compiled';

/**
 * Batches a tracker holds back before folding them in. Every tfjs op costs some microseconds of engine
 * work whatever its size, and per batch the loss and accuracy trackers ran about a dozen of them; held
 * back and folded in together, a batch costs a `clone` per tensor (a shared buffer, no copy) and a share
 * of one fold. (Seed MLP on wasm: ~0.16 ms per step in the trackers before, ~0.05 ms now.)
 */
const HOLD_BATCHES = 32;

/** Batch losses held back on the device at most, stacked; then they are read back and summed. */
const HOLD_STACKED = 4096;

/** Bytes of targets and predictions a metric holds back at most; larger batches are folded in at once. */
const HOLD_BYTES = 1 << 20;

/**
 * The batch-size-weighted running mean of a batch loss. The batch losses wait on the device (shared, not
 * copied; every `HOLD_BATCHES` of them stacked into one tensor) and are read back together when the value
 * is asked for (or `HOLD_STACKED` have gathered). The sum is then carried on in float32 (`Math.fround`
 * after each multiply and add), in batch order, so it equals, bit for bit, the sum kept in a float32 tensor
 * by one multiply and one add per batch.
 */
class LossMean {
  /** Batch losses not yet stacked. */
  private pending: Tensor[] = [];
  /** The earlier batch losses, stacked in order. */
  private held: Tensor | null = null;
  /** The batch size of every held and pending loss, in order. */
  private weights: number[] = [];
  private sum = 0;
  private count = 0;

  update(loss: Tensor, batchSize: number): void {
    this.pending.push(tf.keep(tf.clone(loss)));
    this.weights.push(batchSize);
    this.count += batchSize;
    if (this.pending.length >= HOLD_BATCHES) {
      this.stack();
      // Bounds the copying of the growing stack: one small read every HOLD_STACKED batches.
      if ((this.held as Tensor).size >= HOLD_STACKED) this.fold();
    }
  }

  private stack(): void {
    if (this.pending.length === 0) return;
    const held = this.held;
    const pending = this.pending;
    // Kept: a step's tidy, from which `update` stacks, would free it.
    this.held = tf.keep(
      tf.tidy(() => {
        const stacked = tf.stack(pending);
        return held === null ? stacked : tf.concat([held, stacked]);
      }),
    );
    tf.dispose([...pending, ...(held ? [held] : [])]);
    this.pending = [];
  }

  private fold(): void {
    this.stack();
    if (this.held === null) return;
    const values = this.held.dataSync();
    for (let i = 0; i < values.length; i++) this.sum = Math.fround(this.sum + Math.fround((values[i] as number) * (this.weights[i] as number)));
    this.held.dispose();
    this.held = null;
    this.weights = [];
  }

  reset(): void {
    tf.dispose([...this.pending, ...(this.held ? [this.held] : [])]);
    this.pending = [];
    this.held = null;
    this.weights = [];
    this.sum = 0;
    this.count = 0;
  }

  result(): number {
    this.fold();
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  dispose(): void {
    this.reset();
  }
}

/**
 * Which predictions a metric may take several batches of in one `updateState`, giving exactly the value it
 * gives batch by batch: the built-in accuracies (their `updateState` not overridden) on predictions of one
 * value per sample, whose per-sample values are 0 or 1, so that every partial sum is an exact integer in
 * float32. `'none'` for every other metric.
 */
type Joinable = 'none' | 'rank2' | 'one-unit';

function joinable(metric: Metric): Joinable {
  if (!(metric instanceof MeanMetricWrapper) || metric.updateState !== MeanMetricWrapper.prototype.updateState) return 'none';
  const kind = Object.getPrototypeOf(metric) as unknown;
  if (kind === CategoricalAccuracy.prototype || kind === SparseCategoricalAccuracy.prototype) return 'rank2';
  // Binary accuracy averages over the last axis: 0 or 1 per sample only with one unit.
  return kind === BinaryAccuracy.prototype ? 'one-unit' : 'none';
}

/**
 * One metric of a loop. Joinable metrics hold batches back (shared, not copied) and update on all of them
 * at once, by concatenation along the batch axis; the others update every batch, as Keras does.
 */
class MetricTracker {
  private pendingTrue: Tensor[] = [];
  private pendingPred: Tensor[] = [];
  private pendingBytes = 0;
  private readonly joinable: Joinable;

  constructor(
    readonly key: string,
    readonly output: number,
    private readonly metric: Metric,
  ) {
    this.joinable = joinable(metric);
  }

  private joins(yPred: Tensor): boolean {
    return this.joinable !== 'none' && yPred.rank === 2 && (this.joinable === 'rank2' || yPred.shape[1] === 1);
  }

  update(yTrue: Tensor, yPred: Tensor): void {
    const bytes = 4 * (yTrue.size + yPred.size);
    if (!this.joins(yPred) || bytes > HOLD_BYTES) {
      this.fold();
      this.metric.updateState(yTrue, yPred);
      return;
    }
    if (this.pendingBytes + bytes > HOLD_BYTES) this.fold();
    this.pendingTrue.push(tf.keep(tf.clone(yTrue)));
    this.pendingPred.push(tf.keep(tf.clone(yPred)));
    this.pendingBytes += bytes;
    if (this.pendingTrue.length >= HOLD_BATCHES) this.fold();
  }

  private fold(): void {
    const n = this.pendingTrue.length;
    if (n === 0) return;
    tf.tidy(() => {
      const join = (list: Tensor[]): Tensor => (n === 1 ? (list[0] as Tensor) : tf.concat(list, 0));
      this.metric.updateState(join(this.pendingTrue), join(this.pendingPred));
    });
    this.drop();
  }

  private drop(): void {
    tf.dispose([...this.pendingTrue, ...this.pendingPred]);
    this.pendingTrue = [];
    this.pendingPred = [];
    this.pendingBytes = 0;
  }

  reset(): void {
    this.drop();
    this.metric.resetState();
  }

  result(): number {
    this.fold();
    return this.metric.result();
  }

  /** Frees the held batches (the metric itself belongs to the compiled state). */
  dispose(): void {
    this.drop();
  }
}

/**
 * The running values a loop reports: the total loss, each output's loss (only when the model has several
 * outputs, logged as `<output>_loss`), and the metrics. Batches are held back and folded in together (see
 * `LossMean` and `MetricTracker`), so updating waits on the device only for one small read every
 * `HOLD_STACKED` batches; `read` folds in what is left.
 */
export class Trackers {
  private readonly total = new LossMean();
  private readonly perOutput: { key: string; mean: LossMean }[];
  private readonly metrics: MetricTracker[];

  constructor(outputNames: string[], metrics: MetricEntry[]) {
    this.perOutput = outputNames.length > 1 ? outputNames.map((o) => ({ key: `${o}_loss`, mean: new LossMean() })) : [];
    this.metrics = metrics.map((m) => new MetricTracker(m.key, m.output, m.metric));
  }

  /**
   * Adds one batch: its total loss, each output's loss, and the metrics on its targets and predictions. The
   * tensors stay the caller's: what is held back is shared with them, not taken from them.
   */
  update(total: Tensor, outputLosses: Tensor[], yTrue: Tensor[], yPred: Tensor[], batchSize: number): void {
    this.total.update(total, batchSize);
    this.perOutput.forEach((t, i) => t.mean.update(outputLosses[i] as Tensor, batchSize));
    for (const m of this.metrics) m.update(yTrue[m.output] as Tensor, yPred[m.output] as Tensor);
  }

  /** Zeroes everything (Keras does so at the start of every epoch and evaluation). */
  reset(): void {
    this.total.reset();
    for (const t of this.perOutput) t.mean.reset();
    for (const m of this.metrics) m.reset();
  }

  private entries(): [string, () => number][] {
    return [
      ['loss', () => this.total.result()],
      ...this.perOutput.map((t): [string, () => number] => [t.key, () => t.mean.result()]),
      ...this.metrics.map((m): [string, () => number] => [m.key, () => m.result()]),
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

  /** Frees the loss trackers and the batches held back (the metrics belong to the compiled state). */
  dispose(): void {
    this.total.dispose();
    for (const t of this.perOutput) t.mean.dispose();
    for (const m of this.metrics) m.dispose();
  }
}
