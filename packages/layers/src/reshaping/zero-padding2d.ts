import { tf, Tensor, defineOptions } from '@strata-ml/core';
import { checkDataFormat, type DataFormat } from '../convolutional/conv-utils';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';
import type { Shape } from '../shape';
import { normalizePairs2D, type Pairs2D } from './padding-pairs';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link ZeroPadding2D}. */
export interface ZeroPadding2DArgs extends LayerArgs {
  /** `n`, `[rows, cols]` or `[[top, bottom], [left, right]]` (default 1). */
  padding?: number | [number, number] | Pairs2D;
  /** Only `'channels_last'` (the default). */
  dataFormat?: DataFormat;
}

const ZERO_PADDING2_D_OPTIONS = defineOptions<ZeroPadding2DArgs>('ZeroPadding2D', {
  ...LAYER_OPTION_KEYS,
  padding: true,
  dataFormat: true,
});

/** Adds rows and columns of zeros around `[batch, rows, cols, channels]` inputs. */
export class ZeroPadding2D extends Layer {
  static override readonly className: string = 'ZeroPadding2D';
  /** `[[top, bottom], [left, right]]`. */
  readonly padding: Pairs2D;

  constructor(args: ZeroPadding2DArgs = {}) {
    super(ZERO_PADDING2_D_OPTIONS.check(args));
    checkDataFormat('ZeroPadding2D', args.dataFormat);
    this.padding = normalizePairs2D('ZeroPadding2D', 'padding', args.padding ?? 1);
    this.inputSpec = { ndim: 4 };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [b, h, w, c] = inputShape as Shape;
    const [[top, bottom], [left, right]] = this.padding;
    return [b ?? null, h == null ? null : h + top + bottom, w == null ? null : w + left + right, c ?? null];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return tf.pad(inputs as Tensor, [[0, 0], this.padding[0], this.padding[1], [0, 0]]);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: this.padding.map((p) => p.slice()), dataFormat: 'channels_last' };
  }
}

registerLayer(ZeroPadding2D.className, ZeroPadding2D);
