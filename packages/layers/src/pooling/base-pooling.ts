import { tf, Tensor, optionKeys } from '@strata-ml/core';
import { checkDataFormat, convOutputLength, normalizePadding, normalizeTuple, type DataFormat } from '../convolutional/conv-utils';
import { Layer, type LayerArgs } from '../layer';
import type { Shape } from '../shape';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments shared by the windowed pooling layers. */
export interface BasePoolingArgs extends LayerArgs {
  /** Window step: a number or one per spatial axis; default (or null) the pool size, as Keras. */
  strides?: number | number[] | null;
  /** `'valid'` (default) or `'same'` (TensorFlow style; padded cells are left out of averages). */
  padding?: 'valid' | 'same' | 'VALID' | 'SAME';
  /** Only `'channels_last'` (the default). */
  dataFormat?: DataFormat;
}

/** The keys of {@link BasePoolingArgs}, spread by the option list of each windowed pooling layer. */
export const BASE_POOLING_OPTION_KEYS = optionKeys<BasePoolingArgs>({
  ...LAYER_OPTION_KEYS,
  strides: true,
  padding: true,
  dataFormat: true,
});

/** The window reductions pooling layers use. */
export type PoolMode = 'max' | 'avg';

/**
 * What MaxPooling1D/2D and AveragePooling1D/2D share: a window of `poolSize` moved by `strides` over the
 * spatial axes of channels-last input, reduced by max or mean. 1-D pooling runs as 2-D pooling over a
 * unit axis.
 */
export abstract class BasePooling extends Layer {
  /** 1 or 2 spatial axes. */
  readonly rank: number;
  /** The window size along each spatial axis. */
  readonly poolSize: number[];
  /** The window step along each spatial axis. */
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  /** How a window is reduced. */
  protected abstract readonly mode: PoolMode;

  constructor(rank: number, poolSize: number | number[], args: BasePoolingArgs) {
    super(args);
    const where = this.className;
    checkDataFormat(where, args.dataFormat);
    this.rank = rank;
    this.poolSize = normalizeTuple(where, 'poolSize', poolSize, rank);
    this.strides = args.strides == null ? this.poolSize.slice() : normalizeTuple(where, 'strides', args.strides, rank);
    this.padding = normalizePadding(where, args.padding ?? 'valid') as 'valid' | 'same';
    this.inputSpec = { ndim: rank + 2 };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    const spatial = shape.slice(1, 1 + this.rank).map((d, i) => convOutputLength(d, this.poolSize[i] as number, this.padding, this.strides[i] as number));
    return [shape[0] ?? null, ...spatial, shape[shape.length - 1] ?? null];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    return tf.tidy(() => {
      const x4 = (this.rank === 1 ? tf.expandDims(x, 2) : x) as tf.Tensor4D;
      const size = (this.rank === 1 ? [this.poolSize[0], 1] : this.poolSize) as [number, number];
      const strides = (this.rank === 1 ? [this.strides[0], 1] : this.strides) as [number, number];
      let y: Tensor;
      if (this.mode === 'max') y = tf.maxPool(x4, size, strides, this.padding);
      else if (this.padding === 'valid') y = tf.avgPool(x4, size, strides, 'valid');
      else y = averageSame(x4, size, strides);
      return this.rank === 1 ? tf.squeeze(y, [2]) : y;
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      poolSize: this.poolSize.slice(),
      strides: this.strides.slice(),
      padding: this.padding,
      dataFormat: 'channels_last',
    };
  }

  static override fromConfig(config: Record<string, unknown>): Layer {
    const { poolSize, ...rest } = config;
    const ctor = this as unknown as new (poolSize: unknown, args: Record<string, unknown>) => Layer;
    return new ctor(poolSize, rest);
  }
}

/**
 * Average pooling with TensorFlow's `same` padding, where a border window averages only the cells inside
 * the input. Padded explicitly and divided by each window's count of real cells, because tfjs's average
 * pooling gradient divides by the full window size even where its forward pass does not.
 */
function averageSame(x: tf.Tensor4D, size: [number, number], strides: [number, number]): Tensor {
  const [, h, w] = x.shape;
  const padFor = (length: number, window: number, stride: number): [number, number] => {
    const total = Math.max((Math.ceil(length / stride) - 1) * stride + window - length, 0);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  };
  const paddings: Array<[number, number]> = [[0, 0], padFor(h, size[0], strides[0]), padFor(w, size[1], strides[1]), [0, 0]];
  const sums = tf.avgPool(tf.pad(x, paddings), size, strides, 'valid');
  const counts = tf.avgPool(tf.pad(tf.ones([1, h, w, 1]), paddings) as tf.Tensor4D, size, strides, 'valid');
  return tf.div(sums, counts);
}
