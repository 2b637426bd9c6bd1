import { tf, Tensor, shapeMismatch, defineOptions } from '@strata-ml/core';
import { checkDataFormat, type DataFormat } from '../convolutional/conv-utils';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';
import type { Shape } from '../shape';
import { normalizePairs2D, type Pairs2D } from './padding-pairs';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Cropping2D}. */
export interface Cropping2DArgs extends LayerArgs {
  /** `n`, `[rows, cols]` or `[[top, bottom], [left, right]]` (default 0). */
  cropping?: number | [number, number] | Pairs2D;
  /** Only `'channels_last'` (the default). */
  dataFormat?: DataFormat;
}

const CROPPING2_D_OPTIONS = defineOptions<Cropping2DArgs>('Cropping2D', {
  ...LAYER_OPTION_KEYS,
  cropping: true,
  dataFormat: true,
});

/** Removes rows and columns from the borders of `[batch, rows, cols, channels]` inputs. */
export class Cropping2D extends Layer {
  static override readonly className: string = 'Cropping2D';
  /** `[[top, bottom], [left, right]]`. */
  readonly cropping: Pairs2D;

  constructor(args: Cropping2DArgs = {}) {
    super(CROPPING2_D_OPTIONS.check(args));
    checkDataFormat('Cropping2D', args.dataFormat);
    this.cropping = normalizePairs2D('Cropping2D', 'cropping', args.cropping ?? 0);
    this.inputSpec = { ndim: 4 };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    const [b, h, w, c] = shape;
    const [[top, bottom], [left, right]] = this.cropping;
    const rows = h == null ? null : h - top - bottom;
    const cols = w == null ? null : w - left - right;
    if ((rows !== null && rows <= 0) || (cols !== null && cols <= 0)) {
      throw shapeMismatch(this.where, 'input', `larger than the cropping [[${top}, ${bottom}], [${left}, ${right}]]`, shape);
    }
    return [b ?? null, rows, cols, c ?? null];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    const [, rows, cols] = this.computeOutputShape(x.shape) as number[];
    return tf.slice(x, [0, this.cropping[0][0], this.cropping[1][0], 0], [-1, rows as number, cols as number, -1]);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cropping: this.cropping.map((p) => p.slice()), dataFormat: 'channels_last' };
  }
}

registerLayer(Cropping2D.className, Cropping2D);
