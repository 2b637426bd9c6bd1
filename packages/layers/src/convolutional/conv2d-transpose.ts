import { tf, Tensor, invalidArgument, defineOptions } from '@strata-ml/core';
import type { Shape } from '../shape';
import { registerLayer } from '../registry';
import { BASE_CONV_OPTION_KEYS, BaseConv, type BaseConvArgs } from './base-conv';
import { convOutputLength, deconvOutputLength, dilateKernel, normalizeTuple } from './conv-utils';

/** Arguments of {@link Conv2DTranspose} (besides `filters` and `kernelSize`). */
export interface Conv2DTransposeArgs extends BaseConvArgs {
  /** Upsampling step: a number or `[rows, cols]` (default 1). */
  strides?: number | [number, number];
  /**
   * Extra rows/columns added to one side of the output, each smaller than its stride; picks among the
   * output sizes that a strided convolution maps to the same input size. Default null: the size follows
   * from `padding` alone.
   */
  outputPadding?: number | [number, number] | null;
  /** Spacing between kernel taps: a number or `[rows, cols]` (default 1); above 1 only with strides 1. */
  dilationRate?: number | [number, number];
}

const CONV2D_TRANSPOSE_OPTIONS = defineOptions<Conv2DTransposeArgs>('Conv2DTranspose', {
  ...BASE_CONV_OPTION_KEYS,
  strides: true,
  outputPadding: true,
  dilationRate: true,
});

/**
 * The transposed 2-D convolution (the gradient of Conv2D with respect to its input), used to upsample in
 * decoders and GAN generators. The kernel has shape `[kernelRows, kernelCols, filters, inChannels]`, as in
 * Keras. Output rows, with `k` the kernel size and `s` the stride:
 * - `outputPadding` null: `valid` → `rows·s + max(k − s, 0)`, `same` → `rows·s`;
 * - otherwise `(rows − 1)·s + k − 2·pad + outputPadding`, with `pad = floor(k/2)` for `same`, 0 for `valid`;
 * with `dilationRate` d, `k` is the dilated size `k + (k − 1)(d − 1)`.
 *
 * ```ts
 * new Conv2DTranspose(32, 3, { strides: 2, padding: 'same' }); // [b, 7, 7, c] → [b, 14, 14, 32]
 * ```
 */
export class Conv2DTranspose extends BaseConv {
  static override readonly className: string = 'Conv2DTranspose';
  /** Extra output size per axis, or null. */
  readonly outputPadding: number[] | null;

  constructor(filters: number, kernelSize: number | [number, number], args: Conv2DTransposeArgs = {}) {
    super(2, filters, kernelSize, CONV2D_TRANSPOSE_OPTIONS.check(args));
    const where = this.className;
    this.outputPadding = args.outputPadding == null ? null : normalizeTuple(where, 'outputPadding', args.outputPadding, 2, 0);
    this.outputPadding?.forEach((p, i) => {
      if (p >= (this.strides[i] as number)) {
        throw invalidArgument(where, 'outputPadding', `smaller than strides ([${this.strides.join(', ')}])`, this.outputPadding);
      }
    });
  }

  protected kernelShape(inputChannels: number): number[] {
    return [...this.kernelSize, this.filters, inputChannels];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    const padding = this.padding === 'same' ? 'same' : 'valid';
    const spatial = [0, 1].map((i) =>
      deconvOutputLength(
        shape[i + 1] ?? null,
        this.kernelSize[i] as number,
        padding,
        this.strides[i] as number,
        this.outputPadding?.[i] ?? null,
        this.dilationRate[i] as number,
      ),
    );
    return [shape[0] ?? null, ...spatial, this.filters];
  }

  protected convolve(x: Tensor, kernel: Tensor): Tensor {
    const outShape = this.computeOutputShape(x.shape) as number[];
    // The backends derive the padding from the output size, as a strided convolution of the output back
    // to the input would; that must land exactly on the input size.
    for (const i of [0, 1]) {
      const back = convOutputLength(outShape[i + 1] as number, this.kernelSize[i] as number, this.padding, this.strides[i] as number, this.dilationRate[i] as number);
      if (back !== x.shape[i + 1]) {
        throw invalidArgument(this.where, 'outputPadding', `a value for which a strided convolution maps output size ${outShape[i + 1]} back to input size ${x.shape[i + 1]}`, this.outputPadding);
      }
    }
    // A dilated kernel is the spread one: the transpose of the dilated convolution, as Conv2D computes it.
    const k = this.dilationRate.some((d) => d > 1) ? dilateKernel(kernel, this.dilationRate) : kernel;
    return tf.conv2dTranspose(
      x as tf.Tensor4D,
      k as tf.Tensor4D,
      outShape as [number, number, number, number],
      this.strides as [number, number],
      this.padding as 'valid' | 'same',
    );
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), outputPadding: this.outputPadding && this.outputPadding.slice() };
  }
}

registerLayer(Conv2DTranspose.className, Conv2DTranspose);
