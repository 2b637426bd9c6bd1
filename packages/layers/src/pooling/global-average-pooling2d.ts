import { registerLayer } from '../registry';
import type { PoolMode } from './base-pooling';
import { BaseGlobalPooling, type GlobalPoolingArgs } from './base-global-pooling';

/** Arguments of {@link GlobalAveragePooling2D}. */
export type GlobalAveragePooling2DArgs = GlobalPoolingArgs;

/** The mean over rows and columns of `[batch, rows, cols, channels]` inputs: `[batch, channels]`. */
export class GlobalAveragePooling2D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalAveragePooling2D';
  protected readonly mode: PoolMode = 'avg';

  constructor(args: GlobalAveragePooling2DArgs = {}) {
    super(2, args);
  }
}

registerLayer(GlobalAveragePooling2D.className, GlobalAveragePooling2D);
