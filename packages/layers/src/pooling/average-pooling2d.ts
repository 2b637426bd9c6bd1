import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { BASE_POOLING_OPTION_KEYS, BasePooling, type BasePoolingArgs, type PoolMode } from './base-pooling';

/** Arguments of {@link AveragePooling2D} (besides `poolSize`). */
export interface AveragePooling2DArgs extends BasePoolingArgs {
  /** Window step: a number or `[rows, cols]`; default the pool size. */
  strides?: number | [number, number] | null;
}

const AVERAGE_POOLING2D_OPTIONS = defineOptions<AveragePooling2DArgs>('AveragePooling2D', {
  ...BASE_POOLING_OPTION_KEYS,
  strides: true,
});

/**
 * The mean over each `poolSize` window of `[batch, rows, cols, channels]` inputs, per channel. With `same` padding a window at the border averages only the cells inside the input, as TensorFlow does.
 *
 * ```ts
 * new AveragePooling2D([2, 2], { strides: 1, padding: 'same' });
 * ```
 */
export class AveragePooling2D extends BasePooling {
  static override readonly className: string = 'AveragePooling2D';
  protected readonly mode: PoolMode = 'avg';

  /** `poolSize` is the window: a number or `[rows, cols]` (default 2). */
  constructor(poolSize: number | [number, number] = 2, args: AveragePooling2DArgs = {}) {
    super(2, poolSize, AVERAGE_POOLING2D_OPTIONS.check(args));
  }
}

registerLayer(AveragePooling2D.className, AveragePooling2D);
