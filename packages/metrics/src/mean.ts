import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { Metric } from './metric';
import { reduceToSamplewise } from './samplewise';

/** Arguments of {@link Mean}. */
export interface MeanArgs {
  /** Name shown in logs; default `'mean'`. */
  name?: string;
}

const MEAN_OPTIONS = defineOptions<MeanArgs>('Mean', { name: true });

/**
 * The (weighted) running mean of the values given to it — the loss tracker of a training loop.
 * `total += sum(values·w)`, `count += sum(w)` (or the number of samples when unweighted); the result is
 * `total / count`, or 0 before any update.
 *
 * ```ts
 * const m = new Mean();
 * m.update(tf.tensor1d([1, 3, 5, 7]));        // 4
 * m.update(tf.scalar(0.25), 128);             // a batch loss weighted by the batch size
 * ```
 */
export class Mean extends Metric {
  override readonly className: string = 'Mean';
  private readonly total: tf.Variable;
  private readonly count: tf.Variable;

  constructor(args: MeanArgs = {}) {
    MEAN_OPTIONS.check(args);
    super(args.name ?? 'mean');
    this.total = this.addState();
    this.count = this.addState();
  }

  /**
   * Adds `values` with an optional weight: a number weighs the whole update (e.g. the batch size for a
   * batch-mean loss), a tensor weighs each sample. Never reads data back.
   */
  update(values: Tensor | number, weight?: Tensor | number): void {
    tf.tidy(() => {
      const v = typeof values === 'number' ? tf.scalar(values) : values;
      const w = weight === undefined ? undefined : typeof weight === 'number' ? tf.scalar(weight) : weight;
      const [samples, weights] = reduceToSamplewise(v, w, (x, axis) => tf.mean(x, axis));
      this.total.assign(tf.add(this.total, tf.sum(samples)));
      const added = weights !== undefined ? tf.sum(weights) : samples.rank >= 1 ? (samples.shape[0] ?? 0) : 1;
      this.count.assign(tf.add(this.count, added));
    });
  }

  /** Keras's `Mean.update_state(values, sample_weight)`: the same as {@link Mean.update} with a tensor weight. */
  override updateState(values: Tensor, sampleWeight?: Tensor): void {
    this.update(values, sampleWeight);
  }

  override result(): number {
    const [total, count] = this.readState(this.total, this.count) as [number, number];
    return count === 0 ? 0 : total / count;
  }
}
