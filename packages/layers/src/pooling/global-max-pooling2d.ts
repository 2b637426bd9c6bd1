import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import type { PoolMode } from './base-pooling';
import { BaseGlobalPooling, GLOBAL_POOLING_OPTION_KEYS, type GlobalPoolingArgs } from './base-global-pooling';

/** Arguments of {@link GlobalMaxPooling2D}. */
export type GlobalMaxPooling2DArgs = GlobalPoolingArgs;

const GLOBAL_MAX_POOLING2D_OPTIONS = defineOptions<GlobalMaxPooling2DArgs>('GlobalMaxPooling2D', {
  ...GLOBAL_POOLING_OPTION_KEYS,
});

/** The maximum over rows and columns of `[batch, rows, cols, channels]` inputs: `[batch, channels]`. */
export class GlobalMaxPooling2D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalMaxPooling2D';
  protected readonly mode: PoolMode = 'max';

  constructor(args: GlobalMaxPooling2DArgs = {}) {
    super(2, GLOBAL_MAX_POOLING2D_OPTIONS.check(args));
  }
}

registerLayer(GlobalMaxPooling2D.className, GlobalMaxPooling2D);
