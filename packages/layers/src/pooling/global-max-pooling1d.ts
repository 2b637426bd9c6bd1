import { defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import type { PoolMode } from './base-pooling';
import { BaseGlobalPooling, GLOBAL_POOLING_OPTION_KEYS, type GlobalPoolingArgs } from './base-global-pooling';

/** Arguments of {@link GlobalMaxPooling1D}. */
export type GlobalMaxPooling1DArgs = GlobalPoolingArgs;

const GLOBAL_MAX_POOLING1D_OPTIONS = defineOptions<GlobalMaxPooling1DArgs>('GlobalMaxPooling1D', {
  ...GLOBAL_POOLING_OPTION_KEYS,
});

/** The maximum over the steps of `[batch, steps, channels]` inputs: `[batch, channels]`. */
export class GlobalMaxPooling1D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalMaxPooling1D';
  protected readonly mode: PoolMode = 'max';

  constructor(args: GlobalMaxPooling1DArgs = {}) {
    super(1, GLOBAL_MAX_POOLING1D_OPTIONS.check(args));
  }
}

registerLayer(GlobalMaxPooling1D.className, GlobalMaxPooling1D);
