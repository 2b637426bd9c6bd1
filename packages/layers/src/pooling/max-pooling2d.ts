import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { BASE_POOLING_OPTION_KEYS, BasePooling, type BasePoolingArgs, type PoolMode } from './base-pooling';

/** Arguments of {@link MaxPooling2D} (besides `poolSize`). */
export interface MaxPooling2DArgs extends BasePoolingArgs {
  /** Window step: a number or `[rows, cols]`; default the pool size. */
  strides?: number | [number, number] | null;
}

const MAX_POOLING2D_OPTIONS = defineOptions<MaxPooling2DArgs>('MaxPooling2D', { ...BASE_POOLING_OPTION_KEYS, strides: true });

/**
 * The maximum over each `poolSize` window of `[batch, rows, cols, channels]` inputs, per channel. Output rows are `floor((rows − pool) / stride) + 1` for `valid` and `ceil(rows / stride)` for `same`.
 *
 * ```ts
 * model.add(new MaxPooling2D(2)); // [b, 26, 26, 64] → [b, 13, 13, 64]
 * ```
 */
export class MaxPooling2D extends BasePooling {
  static override readonly className: string = 'MaxPooling2D';
  protected readonly mode: PoolMode = 'max';

  /** `poolSize` is the window: a number or `[rows, cols]` (default 2). */
  constructor(poolSize: number | [number, number] = 2, args: MaxPooling2DArgs = {}) {
    super(2, poolSize, MAX_POOLING2D_OPTIONS.check(args));
  }
}

registerLayer(MaxPooling2D.className, MaxPooling2D);
