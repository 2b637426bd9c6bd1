import { tf, Tensor, ValueError, invalidArgument, shapeMismatch, optionKeys } from '@strata-ml/core';
import { getActivation, serializeActivation } from '../activations/get-activation';
import { linear, relu, type ActivationFn } from '../activations/activations';
import type { Constraint } from '../constraints/constraint';
import { getConstraint, serializeConstraint } from '../constraints/get-constraint';
import { getInitializer, serializeInitializer } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { Layer } from '../layer';
import type { KernelLayerArgs } from '../core/kernel-layer-args';
import type { LayerVariable } from '../layer-variable';
import { getRegularizer, serializeRegularizer } from '../regularizers/get-regularizer';
import type { Regularizer } from '../regularizers/regularizer';
import type { Shape } from '../shape';
import { checkDataFormat, convOutputLength, normalizePadding, normalizeTuple, type DataFormat, type PaddingMode } from './conv-utils';
import { KERNEL_LAYER_OPTION_KEYS } from '../core/kernel-layer-args';

/** Arguments shared by every convolution layer (besides `filters` and `kernelSize`). */
export interface BaseConvArgs extends KernelLayerArgs {
  /** Step of the window along each spatial axis: a number or one per axis (default 1). */
  strides?: number | number[];
  /** `'valid'` (no padding, default) or `'same'` (TensorFlow style: the extra pad goes at the end). */
  padding?: PaddingMode | 'VALID' | 'SAME';
  /** Only `'channels_last'` (the default); `'channels_first'` is rejected. */
  dataFormat?: DataFormat;
  /** Spacing between kernel taps (atrous convolution): a number or one per axis (default 1). */
  dilationRate?: number | number[];
}

/** The keys of {@link BaseConvArgs}, spread by the option list of each convolution. */
export const BASE_CONV_OPTION_KEYS = optionKeys<BaseConvArgs>({
  ...KERNEL_LAYER_OPTION_KEYS,
  strides: true,
  padding: true,
  dataFormat: true,
  dilationRate: true,
});

/**
 * What Conv1D, Conv2D and Conv2DTranspose share: argument checking, the kernel and bias weights, bias and
 * activation after the convolution, and the config. Subclasses give the kernel's shape and the
 * convolution itself.
 */
export abstract class BaseConv extends Layer {
  /** The number of spatial axes (1 for Conv1D, 2 for Conv2D). */
  readonly rank: number;
  /** The number of output channels. */
  readonly filters: number;
  /** The window size along each spatial axis. */
  readonly kernelSize: number[];
  /** The window step along each spatial axis. */
  readonly strides: number[];
  readonly padding: PaddingMode;
  /** The tap spacing along each spatial axis. */
  readonly dilationRate: number[];
  /** The output activation. */
  readonly activation: ActivationFn;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null;
  readonly biasConstraint: Constraint | null;
  /** The kernel, once built. */
  kernel: LayerVariable | null = null;
  /** The bias, once built (when `useBias`). */
  bias: LayerVariable | null = null;

  constructor(rank: number, filters: number, kernelSize: number | number[], args: BaseConvArgs, allowCausal = false) {
    super(args);
    const where = this.className;
    if (!Number.isInteger(filters) || filters <= 0) throw invalidArgument(where, 'filters', 'a positive integer', filters);
    checkDataFormat(where, args.dataFormat);
    this.rank = rank;
    this.filters = filters;
    this.kernelSize = normalizeTuple(where, 'kernelSize', kernelSize, rank);
    this.strides = normalizeTuple(where, 'strides', args.strides ?? 1, rank);
    this.padding = normalizePadding(where, args.padding ?? 'valid', allowCausal);
    this.dilationRate = normalizeTuple(where, 'dilationRate', args.dilationRate ?? 1, rank);
    if (this.strides.some((s) => s > 1) && this.dilationRate.some((d) => d > 1)) {
      // As in Keras: TensorFlow's convolution kernels do not combine the two.
      throw new ValueError(
        `${where}: strides > 1 cannot be combined with dilationRate > 1; received strides=[${this.strides.join(', ')}], dilationRate=[${this.dilationRate.join(', ')}]`,
      );
    }
    this.activation = getActivation(args.activation);
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = getInitializer(args.kernelInitializer ?? 'glorot_uniform');
    this.biasInitializer = getInitializer(args.biasInitializer ?? 'zeros');
    this.kernelRegularizer = args.kernelRegularizer == null ? null : getRegularizer(args.kernelRegularizer);
    this.biasRegularizer = args.biasRegularizer == null ? null : getRegularizer(args.biasRegularizer);
    this.kernelConstraint = args.kernelConstraint == null ? null : getConstraint(args.kernelConstraint);
    this.biasConstraint = args.biasConstraint == null ? null : getConstraint(args.biasConstraint);
    this.inputSpec = { ndim: rank + 2 };
  }

  /** The kernel's shape for inputs with `inputChannels` channels. */
  protected abstract kernelShape(inputChannels: number): number[];

  /** The convolution without bias and activation. */
  protected abstract convolve(x: Tensor, kernel: Tensor): Tensor;

  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    const channels = shape[shape.length - 1];
    if (channels == null) throw shapeMismatch(this.where, 'input', 'a known channel (last) dim', shape);
    this.kernel = this.addWeight({
      name: 'kernel',
      shape: this.kernelShape(channels),
      initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer,
      constraint: this.kernelConstraint,
    });
    if (this.useBias) {
      this.bias = this.addWeight({
        name: 'bias',
        shape: [this.filters],
        initializer: this.biasInitializer,
        regularizer: this.biasRegularizer,
        constraint: this.biasConstraint,
      });
    }
    this.inputSpec = { ndim: this.rank + 2, axes: { [-1]: channels } };
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    const spatial = shape.slice(1, 1 + this.rank).map((d, i) =>
      convOutputLength(d, this.kernelSize[i] as number, this.padding, this.strides[i] as number, this.dilationRate[i] as number),
    );
    return [shape[0] ?? null, ...spatial, this.filters];
  }

  /**
   * The convolution, bias and a ReLU or linear activation in one backend kernel, where the subclass has
   * one; null otherwise. (While gradients are recorded, tfjs runs a fused ReLU unfused.)
   */
  protected convolveFused(_x: Tensor, _kernel: Tensor, _bias: Tensor | null, _activation: 'relu' | 'linear'): Tensor | null {
    return null;
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    const kernel = (this.kernel as LayerVariable).variable;
    return tf.tidy(() => {
      const fusable = this.activation === relu ? 'relu' : this.activation === linear ? 'linear' : null;
      const fused = fusable && this.convolveFused(x, kernel, this.bias ? this.bias.variable : null, fusable);
      if (fused) return fused;
      let y = this.convolve(x, kernel);
      if (this.bias) y = tf.add(y, this.bias.variable);
      return this.activation(y);
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize.slice(),
      strides: this.strides.slice(),
      padding: this.padding,
      dataFormat: 'channels_last',
      dilationRate: this.dilationRate.slice(),
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
      kernelRegularizer: this.kernelRegularizer && serializeRegularizer(this.kernelRegularizer),
      biasRegularizer: this.biasRegularizer && serializeRegularizer(this.biasRegularizer),
      kernelConstraint: this.kernelConstraint && serializeConstraint(this.kernelConstraint),
      biasConstraint: this.biasConstraint && serializeConstraint(this.biasConstraint),
    };
  }

  static override fromConfig(config: Record<string, unknown>): Layer {
    const { filters, kernelSize, ...rest } = config;
    const ctor = this as unknown as new (filters: unknown, kernelSize: unknown, args: Record<string, unknown>) => Layer;
    return new ctor(filters, kernelSize, rest);
  }
}
