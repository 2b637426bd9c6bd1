import { tf, Tensor, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { BASE_CONV_OPTION_KEYS, BaseConv, type BaseConvArgs } from './base-conv';
import { dilateKernel } from './conv-utils';

/** Arguments of {@link Conv2D} (besides `filters` and `kernelSize`). */
export interface Conv2DArgs extends BaseConvArgs {
  /** Window step: a number or `[rows, cols]` (default 1). */
  strides?: number | [number, number];
  /** Tap spacing: a number or `[rows, cols]` (default 1). */
  dilationRate?: number | [number, number];
}

const CONV2D_OPTIONS = defineOptions<Conv2DArgs>('Conv2D', { ...BASE_CONV_OPTION_KEYS, strides: true, dilationRate: true });

/**
 * A 2-D convolution over `[batch, rows, cols, channels]` inputs: `activation(conv2d(x, kernel) + bias)`.
 * The kernel has shape `[kernelRows, kernelCols, inChannels, filters]`. Output rows are
 * `ceil((rows − k_d + 1) / stride)` for `valid` and `ceil(rows / stride)` for `same`, with
 * `k_d = k + (k − 1)(dilation − 1)`.
 *
 * ```ts
 * model.add(new Conv2D(64, 3, { activation: 'relu', inputShape: [28, 28, 1] }));
 * ```
 */
export class Conv2D extends BaseConv {
  static override readonly className: string = 'Conv2D';

  constructor(filters: number, kernelSize: number | [number, number], args: Conv2DArgs = {}) {
    super(2, filters, kernelSize, CONV2D_OPTIONS.check(args));
  }

  protected kernelShape(inputChannels: number): number[] {
    return [...this.kernelSize, inputChannels, this.filters];
  }

  protected convolve(x: Tensor, kernel: Tensor): Tensor {
    return tf.conv2d(x as tf.Tensor4D, this.spread(kernel), this.strides as [number, number], this.padding as 'valid' | 'same', 'NHWC');
  }

  protected override convolveFused(x: Tensor, kernel: Tensor, bias: Tensor | null, activation: 'relu' | 'linear'): Tensor {
    return tf.fused.conv2d({
      x: x as tf.Tensor4D,
      filter: this.spread(kernel),
      strides: this.strides as [number, number],
      pad: this.padding as 'valid' | 'same',
      dataFormat: 'NHWC',
      bias: bias ?? undefined,
      activation,
    });
  }

  /** Dilation through an explicitly spread kernel: tfjs has no gradient for its dilated conv2d. */
  private spread(kernel: Tensor): tf.Tensor4D {
    return (this.dilationRate.some((d) => d > 1) ? dilateKernel(kernel, this.dilationRate) : kernel) as tf.Tensor4D;
  }
}

registerLayer(Conv2D.className, Conv2D);
