import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import type { PoolMode } from './base-pooling';
import { BaseGlobalPooling, GLOBAL_POOLING_OPTION_KEYS, type GlobalPoolingArgs } from './base-global-pooling';

/** Arguments of {@link GlobalAveragePooling2D}. */
export type GlobalAveragePooling2DArgs = GlobalPoolingArgs;

const GLOBAL_AVERAGE_POOLING2D_OPTIONS = defineOptions<GlobalAveragePooling2DArgs>('GlobalAveragePooling2D', {
  ...GLOBAL_POOLING_OPTION_KEYS,
});

/** The mean over rows and columns of `[batch, rows, cols, channels]` inputs: `[batch, channels]`. */
export class GlobalAveragePooling2D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalAveragePooling2D';
  protected readonly mode: PoolMode = 'avg';

  constructor(args: GlobalAveragePooling2DArgs = {}) {
    super(2, GLOBAL_AVERAGE_POOLING2D_OPTIONS.check(args));
  }
}

registerLayer(GlobalAveragePooling2D.className, GlobalAveragePooling2D);
