import { tf, Tensor, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import { BASE_CONV_OPTION_KEYS, BaseConv, type BaseConvArgs } from './base-conv';
import { dilateKernel } from './conv-utils';

/** Arguments of {@link Conv1D} (besides `filters` and `kernelSize`). */
export interface Conv1DArgs extends BaseConvArgs {
  /** Window step (default 1). */
  strides?: number | [number];
  /** Tap spacing (default 1). */
  dilationRate?: number | [number];
  /**
   * `'valid'` (default), `'same'`, or `'causal'`: padded on the left only, so that output `t` sees inputs up
   * to `t` and no later (WaveNet).
   */
  padding?: BaseConvArgs['padding'] | 'causal';
}

const CONV1D_OPTIONS = defineOptions<Conv1DArgs>('Conv1D', {
  ...BASE_CONV_OPTION_KEYS,
  strides: true,
  dilationRate: true,
  padding: true,
});

/**
 * A 1-D convolution over `[batch, steps, channels]` inputs (temporal convolution):
 * `activation(conv1d(x, kernel) + bias)`; the kernel has shape `[kernelSize, inChannels, filters]`.
 *
 * ```ts
 * new Conv1D(32, 5, { padding: 'causal', activation: 'relu' });
 * ```
 */
export class Conv1D extends BaseConv {
  static override readonly className: string = 'Conv1D';

  constructor(filters: number, kernelSize: number | [number], args: Conv1DArgs = {}) {
    super(1, filters, kernelSize, CONV1D_OPTIONS.check(args), true);
  }

  protected kernelShape(inputChannels: number): number[] {
    return [this.kernelSize[0] as number, inputChannels, this.filters];
  }

  protected convolve(x: Tensor, kernel: Tensor): Tensor {
    const dilation = this.dilationRate[0] as number;
    let input = x as tf.Tensor3D;
    let padding: 'valid' | 'same' = this.padding === 'same' ? 'same' : 'valid';
    if (this.padding === 'causal') {
      input = tf.pad(input, [[0, 0], [dilation * ((this.kernelSize[0] as number) - 1), 0], [0, 0]]);
      padding = 'valid';
    }
    // Dilation through an explicitly spread kernel: tfjs has no gradient for its dilated convolution.
    const k = dilation > 1 ? dilateKernel(kernel, [dilation]) : kernel;
    return tf.conv1d(input, k as tf.Tensor3D, this.strides[0] as number, padding, 'NWC');
  }
}

registerLayer(Conv1D.className, Conv1D);
