import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { BASE_POOLING_OPTION_KEYS, BasePooling, type BasePoolingArgs, type PoolMode } from './base-pooling';

/** Arguments of {@link MaxPooling1D} (besides `poolSize`). */
export interface MaxPooling1DArgs extends BasePoolingArgs {
  /** Window step: a number; default the pool size. */
  strides?: number | [number] | null;
}

const MAX_POOLING1D_OPTIONS = defineOptions<MaxPooling1DArgs>('MaxPooling1D', { ...BASE_POOLING_OPTION_KEYS, strides: true });

/**
 * The maximum over each window of `poolSize` steps of `[batch, steps, channels]` inputs, per channel.
 *
 * ```ts
 * new MaxPooling1D(2); // [b, 10, c] → [b, 5, c]
 * ```
 */
export class MaxPooling1D extends BasePooling {
  static override readonly className: string = 'MaxPooling1D';
  protected readonly mode: PoolMode = 'max';

  /** `poolSize` is the window: a number (default 2). */
  constructor(poolSize: number | [number] = 2, args: MaxPooling1DArgs = {}) {
    super(1, poolSize, MAX_POOLING1D_OPTIONS.check(args));
  }
}

registerLayer(MaxPooling1D.className, MaxPooling1D);
