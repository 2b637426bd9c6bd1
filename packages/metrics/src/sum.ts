import { tf, defineOptions } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';
import { Metric } from './metric';
import { reduceToSamplewise } from './samplewise';

/** Arguments of {@link Sum}. */
export interface SumArgs {
  /** Name shown in logs; default `'sum'`. */
  name?: string;
}

const SUM_OPTIONS = defineOptions<SumArgs>('Sum', { name: true });

/** The (weighted) running sum of the values given to it: `total += sum(values·w)`. */
export class Sum extends Metric {
  override readonly className = 'Sum';
  private readonly total: tf.Variable;

  constructor(args: SumArgs = {}) {
    SUM_OPTIONS.check(args);
    super(args.name ?? 'sum');
    this.total = this.addState();
  }

  /** Adds `values`, optionally weighted per sample; never reads data back. */
  update(values: Tensor | number, weight?: Tensor | number): void {
    tf.tidy(() => {
      const v = typeof values === 'number' ? tf.scalar(values) : values;
      const w = weight === undefined ? undefined : typeof weight === 'number' ? tf.scalar(weight) : weight;
      const [samples] = reduceToSamplewise(v, w, (x, axis) => tf.sum(x, axis));
      this.total.assign(tf.add(this.total, tf.sum(samples)));
    });
  }

  /** Keras's `Sum.update_state(values, sample_weight)`. */
  override updateState(values: Tensor, sampleWeight?: Tensor): void {
    this.update(values, sampleWeight);
  }

  override result(): number {
    return this.readState(this.total)[0] as number;
  }
}
