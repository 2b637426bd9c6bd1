import { registerLayer } from '../registry';
import type { PoolMode } from './base-pooling';
import { BaseGlobalPooling, type GlobalPoolingArgs } from './base-global-pooling';

/** Arguments of {@link GlobalMaxPooling2D}. */
export type GlobalMaxPooling2DArgs = GlobalPoolingArgs;

/** The maximum over rows and columns of `[batch, rows, cols, channels]` inputs: `[batch, channels]`. */
export class GlobalMaxPooling2D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalMaxPooling2D';
  protected readonly mode: PoolMode = 'max';

  constructor(args: GlobalMaxPooling2DArgs = {}) {
    super(2, args);
  }
}

registerLayer(GlobalMaxPooling2D.className, GlobalMaxPooling2D);
