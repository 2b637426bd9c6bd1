import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import type { PoolMode } from './base-pooling';
import { BaseGlobalPooling, GLOBAL_POOLING_OPTION_KEYS, type GlobalPoolingArgs } from './base-global-pooling';

/** Arguments of {@link GlobalAveragePooling1D}. */
export type GlobalAveragePooling1DArgs = GlobalPoolingArgs;

const GLOBAL_AVERAGE_POOLING1D_OPTIONS = defineOptions<GlobalAveragePooling1DArgs>('GlobalAveragePooling1D', {
  ...GLOBAL_POOLING_OPTION_KEYS,
});

/** The mean over the steps of `[batch, steps, channels]` inputs: `[batch, channels]`. */
export class GlobalAveragePooling1D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalAveragePooling1D';
  protected readonly mode: PoolMode = 'avg';

  constructor(args: GlobalAveragePooling1DArgs = {}) {
    super(1, GLOBAL_AVERAGE_POOLING1D_OPTIONS.check(args));
  }
}

registerLayer(GlobalAveragePooling1D.className, GlobalAveragePooling1D);
