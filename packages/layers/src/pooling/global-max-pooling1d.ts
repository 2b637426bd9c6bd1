import { registerLayer } from '../registry';
import type { PoolMode } from './base-pooling';
import { BaseGlobalPooling, type GlobalPoolingArgs } from './base-global-pooling';

/** Arguments of {@link GlobalMaxPooling1D}. */
export type GlobalMaxPooling1DArgs = GlobalPoolingArgs;

/** The maximum over the steps of `[batch, steps, channels]` inputs: `[batch, channels]`. */
export class GlobalMaxPooling1D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalMaxPooling1D';
  protected readonly mode: PoolMode = 'max';

  constructor(args: GlobalMaxPooling1DArgs = {}) {
    super(1, args);
  }
}

registerLayer(GlobalMaxPooling1D.className, GlobalMaxPooling1D);
