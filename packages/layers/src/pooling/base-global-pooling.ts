import { tf, Tensor, optionKeys } from '@strata-ml/core';
import { checkDataFormat, type DataFormat } from '../convolutional/conv-utils';
import { Layer, type LayerArgs } from '../layer';
import type { Shape } from '../shape';
import type { PoolMode } from './base-pooling';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of the global pooling layers. */
export interface GlobalPoolingArgs extends LayerArgs {
  /** Only `'channels_last'` (the default). */
  dataFormat?: DataFormat;
  /** Keep the pooled axes with size 1 (`[b, 1, 1, c]` instead of `[b, c]`); default false. */
  keepdims?: boolean;
}

/** The keys of {@link GlobalPoolingArgs}, the option list of every global pooling layer. */
export const GLOBAL_POOLING_OPTION_KEYS = optionKeys<GlobalPoolingArgs>({
  ...LAYER_OPTION_KEYS,
  dataFormat: true,
  keepdims: true,
});

/** What the global poolings share: a max or mean over every spatial axis, per channel. */
export abstract class BaseGlobalPooling extends Layer {
  /** 1 or 2 spatial axes. */
  readonly rank: number;
  readonly keepdims: boolean;
  /** How the spatial axes are reduced. */
  protected abstract readonly mode: PoolMode;

  constructor(rank: number, args: GlobalPoolingArgs) {
    super(args);
    checkDataFormat(this.className, args.dataFormat);
    this.rank = rank;
    this.keepdims = args.keepdims ?? false;
    this.inputSpec = { ndim: rank + 2 };
  }

  private get axes(): number[] {
    return this.rank === 1 ? [1] : [1, 2];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    const channels = shape[shape.length - 1] ?? null;
    return this.keepdims ? [shape[0] ?? null, ...this.axes.map(() => 1), channels] : [shape[0] ?? null, channels];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    return this.mode === 'max' ? tf.max(x, this.axes, this.keepdims) : tf.mean(x, this.axes, this.keepdims);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dataFormat: 'channels_last', keepdims: this.keepdims };
  }
}
