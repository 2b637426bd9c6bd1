import { tf } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { Mean } from './mean';
import { Metric } from './metric';
import type { MetricFn } from './metric';

/**
 * Turns a per-sample function into a running-mean metric: each update adds `fn(yTrue, yPred)` (optionally
 * weighted per sample) to a {@link Mean}. The accuracy metrics are built this way, as in Keras.
 *
 * ```ts
 * const m = new MeanMetricWrapper((t, p) => tf.abs(tf.sub(t, p)), 'abs_error');
 * ```
 */
export class MeanMetricWrapper extends Metric {
  override readonly className: string = 'MeanMetricWrapper';
  /** The wrapped per-sample function. */
  readonly fn: MetricFn;
  private readonly mean: Mean;

  constructor(fn: MetricFn, name: string) {
    super(name);
    this.fn = fn;
    this.mean = new Mean({ name });
  }

  override updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor): void {
    tf.tidy(() => this.mean.update(this.fn(yTrue, yPred), sampleWeight));
  }

  override result(): number {
    return this.mean.result();
  }

  override resetState(): void {
    this.mean.resetState();
  }

  override dispose(): void {
    this.mean.dispose();
  }
}
