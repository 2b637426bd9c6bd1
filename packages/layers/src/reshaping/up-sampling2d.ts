import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import { checkDataFormat, normalizeTuple, type DataFormat } from '../convolutional/conv-utils';
import { Layer, type LayerArgs } from '../layer';
import { registerLayer } from '../registry';
import type { Shape } from '../shape';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link UpSampling2D}. */
export interface UpSampling2DArgs extends LayerArgs {
  /** Upsampling factor: a number or `[rows, cols]` (default 2). */
  size?: number | [number, number];
  /** `'nearest'` (repeat each cell, default) or `'bilinear'`. */
  interpolation?: 'nearest' | 'bilinear';
  /** Only `'channels_last'` (the default). */
  dataFormat?: DataFormat;
}

const UP_SAMPLING2_D_OPTIONS = defineOptions<UpSampling2DArgs>('UpSampling2D', {
  ...LAYER_OPTION_KEYS,
  size: true,
  interpolation: true,
  dataFormat: true,
});

/**
 * Enlarges `[batch, rows, cols, channels]` inputs by integer factors: `nearest` repeats every cell
 * `size[0] × size[1]` times; `bilinear` interpolates with half-pixel centers, as Keras 3 does.
 */
export class UpSampling2D extends Layer {
  static override readonly className: string = 'UpSampling2D';
  /** `[rowFactor, colFactor]`. */
  readonly size: [number, number];
  readonly interpolation: 'nearest' | 'bilinear';

  constructor(args: UpSampling2DArgs = {}) {
    super(UP_SAMPLING2_D_OPTIONS.check(args));
    checkDataFormat('UpSampling2D', args.dataFormat);
    this.size = normalizeTuple('UpSampling2D', 'size', args.size ?? 2, 2) as [number, number];
    const interpolation = args.interpolation ?? 'nearest';
    if (interpolation !== 'nearest' && interpolation !== 'bilinear') {
      throw invalidArgument('UpSampling2D', 'interpolation', "'nearest' or 'bilinear'", interpolation);
    }
    this.interpolation = interpolation;
    this.inputSpec = { ndim: 4 };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [b, h, w, c] = inputShape as Shape;
    return [b ?? null, h == null ? null : h * this.size[0], w == null ? null : w * this.size[1], c ?? null];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as tf.Tensor4D;
    const [b, h, w, c] = x.shape;
    const [sh, sw] = this.size;
    if (this.interpolation === 'bilinear') {
      // As two matrix products with fixed interpolation weights: tfjs's own bilinear resize has no correct
      // gradient for half-pixel centers.
      return tf.tidy(() => {
        const rows = tf.matMul(interpolationMatrix(h, sh), tf.reshape(tf.transpose(x, [1, 0, 2, 3]), [h, b * w * c]));
        const tall = tf.reshape(rows, [h * sh, b, w, c]); // [rows, b, w, c]
        const cols = tf.matMul(interpolationMatrix(w, sw), tf.reshape(tf.transpose(tall, [2, 1, 0, 3]), [w, b * h * sh * c]));
        return tf.transpose(tf.reshape(cols, [w * sw, b, h * sh, c]), [1, 2, 0, 3]);
      });
    }
    // Repeats by broadcasting against ones over two inserted axes: its gradient is a plain sum over each
    // block at any rank (tfjs's tile has no gradient above rank 4).
    return tf.tidy(() => {
      const blocks = tf.mul(tf.reshape(x, [b, h, 1, w, 1, c]), tf.ones([1, 1, sh, 1, sw, 1]));
      return tf.reshape(blocks, [b, h * sh, w * sw, c]);
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: this.size.slice(), interpolation: this.interpolation, dataFormat: 'channels_last' };
  }
}

registerLayer(UpSampling2D.className, UpSampling2D);

/**
 * The `[n·factor, n]` matrix of bilinear weights with half-pixel centers, as TensorFlow's resize: output
 * `i` samples input position `(i + 0.5) / factor − 0.5`, clamped to the edges.
 */
function interpolationMatrix(n: number, factor: number): tf.Tensor2D {
  const weights = new Float32Array(n * factor * n);
  for (let i = 0; i < n * factor; i++) {
    const position = (i + 0.5) / factor - 0.5;
    const floor = Math.floor(position);
    const lower = Math.max(floor, 0);
    const upper = Math.min(floor + 1, n - 1);
    const lerp = position - floor;
    weights[i * n + lower] = (weights[i * n + lower] as number) + (1 - lerp);
    weights[i * n + upper] = (weights[i * n + upper] as number) + lerp;
  }
  return tf.tensor2d(weights, [n * factor, n]);
}
