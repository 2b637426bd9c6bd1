import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { BASE_POOLING_OPTION_KEYS, BasePooling, type BasePoolingArgs, type PoolMode } from './base-pooling';

/** Arguments of {@link AveragePooling1D} (besides `poolSize`). */
export interface AveragePooling1DArgs extends BasePoolingArgs {
  /** Window step: a number; default the pool size. */
  strides?: number | [number] | null;
}

const AVERAGE_POOLING1D_OPTIONS = defineOptions<AveragePooling1DArgs>('AveragePooling1D', {
  ...BASE_POOLING_OPTION_KEYS,
  strides: true,
});

/**
 * The mean over each window of `poolSize` steps of `[batch, steps, channels]` inputs, per channel; with `same` padding border windows average only the steps inside the input.
 *
 * ```ts
 * new AveragePooling1D(3, { strides: 1, padding: 'same' });
 * ```
 */
export class AveragePooling1D extends BasePooling {
  static override readonly className: string = 'AveragePooling1D';
  protected readonly mode: PoolMode = 'avg';

  /** `poolSize` is the window: a number (default 2). */
  constructor(poolSize: number | [number] = 2, args: AveragePooling1DArgs = {}) {
    super(1, poolSize, AVERAGE_POOLING1D_OPTIONS.check(args));
  }
}

registerLayer(AveragePooling1D.className, AveragePooling1D);
