import { tf, Tensor, invalidArgument, shapeMismatch, defineOptions } from '@strata-ml/core';
import { getActivation, serializeActivation } from '../activations/get-activation';
import type { ActivationFn } from '../activations/activations';
import type { Constraint } from '../constraints/constraint';
import { getConstraint, serializeConstraint } from '../constraints/get-constraint';
import { getInitializer, serializeInitializer } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { Layer } from '../layer';
import type { KernelLayerArgs } from './kernel-layer-args';
import type { LayerVariable } from '../layer-variable';
import { getRegularizer, serializeRegularizer } from '../regularizers/get-regularizer';
import type { Regularizer } from '../regularizers/regularizer';
import type { Shape } from '../shape';
import { KERNEL_LAYER_OPTION_KEYS } from './kernel-layer-args';

/** Arguments of {@link Dense} (besides `units`). */
export interface DenseArgs extends KernelLayerArgs {
  /** Size of the input's last axis, for the first layer of a model (Keras's `input_dim`; same as `inputShape: [inputDim]`). */
  inputDim?: number;
}

const DENSE_OPTIONS = defineOptions<DenseArgs>('Dense', { ...KERNEL_LAYER_OPTION_KEYS, inputDim: true });

/**
 * A densely connected layer: `activation(dot(x, kernel) + bias)`. The kernel has shape `[inputDim, units]`.
 * Inputs of rank above 2 are multiplied along their last axis.
 *
 * ```ts
 * model.add(new Dense(256, { inputDim: 784 }));
 * ```
 */
export class Dense extends Layer {
  static override readonly className: string = 'Dense';
  /** The size of the output's last axis. */
  readonly units: number;
  /** The output activation. */
  readonly activation: ActivationFn;
  /** Whether the layer has a bias. */
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

  constructor(units: number, args: DenseArgs = {}) {
    DENSE_OPTIONS.check(args);
    if (args.inputDim !== undefined && (!Number.isInteger(args.inputDim) || args.inputDim <= 0)) {
      throw invalidArgument('Dense', 'inputDim', 'a positive integer', args.inputDim);
    }
    super(args.inputDim !== undefined && args.inputShape === undefined && args.batchInputShape === undefined
      ? { ...args, inputShape: [args.inputDim] }
      : args);
    if (!Number.isInteger(units) || units <= 0) throw invalidArgument('Dense', 'units', 'a positive integer', units);
    this.units = units;
    this.activation = getActivation(args.activation);
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = getInitializer(args.kernelInitializer ?? 'glorot_uniform');
    this.biasInitializer = getInitializer(args.biasInitializer ?? 'zeros');
    this.kernelRegularizer = args.kernelRegularizer == null ? null : getRegularizer(args.kernelRegularizer);
    this.biasRegularizer = args.biasRegularizer == null ? null : getRegularizer(args.biasRegularizer);
    this.kernelConstraint = args.kernelConstraint == null ? null : getConstraint(args.kernelConstraint);
    this.biasConstraint = args.biasConstraint == null ? null : getConstraint(args.biasConstraint);
    this.inputSpec = { minNdim: 2 };
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = inputShape as Shape;
    const inputDim = shape[shape.length - 1];
    if (inputDim == null) throw shapeMismatch(this.where, 'input', 'a known last dim', shape);
    this.kernel = this.addWeight({
      name: 'kernel',
      shape: [inputDim, this.units],
      initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer,
      constraint: this.kernelConstraint,
    });
    if (this.useBias) {
      this.bias = this.addWeight({
        name: 'bias',
        shape: [this.units],
        initializer: this.biasInitializer,
        regularizer: this.biasRegularizer,
        constraint: this.biasConstraint,
      });
    }
    this.inputSpec = { minNdim: 2, axes: { [-1]: inputDim } };
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = inputShape as Shape;
    return [...shape.slice(0, -1), this.units];
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    const kernel = (this.kernel as LayerVariable).variable;
    return tf.tidy(() => {
      let y: Tensor;
      if (x.rank === 2) {
        y = tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D);
      } else {
        const flat = tf.reshape(x, [-1, x.shape[x.rank - 1] as number]) as tf.Tensor2D;
        y = tf.reshape(tf.matMul(flat, kernel as tf.Tensor2D), [...x.shape.slice(0, -1), this.units]);
      }
      if (this.bias) y = tf.add(y, this.bias.variable);
      return this.activation(y);
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      units: this.units,
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

  static override fromConfig(config: Record<string, unknown>): Dense {
    const { units, ...rest } = config;
    return new Dense(units as number, rest as DenseArgs);
  }
}
