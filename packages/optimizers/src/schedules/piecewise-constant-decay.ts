import { ValueError, defineOptions } from '@strata-ml/core';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Arguments of {@link PiecewiseConstantDecay}. */
export interface PiecewiseConstantDecayArgs {
  /** Increasing step boundaries. */
  boundaries: number[];
  /** The rates: `values[0]` up to and including `boundaries[0]`, …, the last after the last boundary; one more than `boundaries`. */
  values: number[];
}

const PIECEWISE_CONSTANT_DECAY_OPTIONS = defineOptions<PiecewiseConstantDecayArgs>('PiecewiseConstantDecay', {
  boundaries: true,
  values: true,
});

/**
 * A step function (Keras's `PiecewiseConstantDecay`): `values[0]` while `step <= boundaries[0]`,
 * `values[i]` while `boundaries[i-1] < step <= boundaries[i]`, and the last value after the last boundary.
 */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  override readonly className = 'PiecewiseConstantDecay';
  /** Increasing step boundaries. */
  readonly boundaries: readonly number[];
  /** The rate of each interval. */
  readonly values: readonly number[];

  constructor(args: PiecewiseConstantDecayArgs) {
    super();
    PIECEWISE_CONSTANT_DECAY_OPTIONS.check(args);
    if (args.values.length !== args.boundaries.length + 1) {
      throw new ValueError(
        `PiecewiseConstantDecay: values must have one more entry than boundaries; received ` +
          `${args.boundaries.length} boundaries and ${args.values.length} values`,
      );
    }
    for (let i = 1; i < args.boundaries.length; i++) {
      if (!((args.boundaries[i] as number) > (args.boundaries[i - 1] as number))) {
        throw new ValueError(`PiecewiseConstantDecay: boundaries must be increasing; received boundaries=[${args.boundaries.join(', ')}]`);
      }
    }
    this.boundaries = args.boundaries.slice();
    this.values = args.values.slice();
  }

  override call(step: number): number {
    const i = this.boundaries.findIndex((b) => step <= b);
    return this.values[i === -1 ? this.boundaries.length : i] as number;
  }

  override getConfig(): Record<string, unknown> {
    return { boundaries: this.boundaries.slice(), values: this.values.slice() };
  }
}
