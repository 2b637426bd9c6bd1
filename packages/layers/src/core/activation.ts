import { Tensor, defineOptions } from '@strata-ml/core';
import type { ActivationFn } from '../activations/activations';
import { getActivation, serializeActivation, type ActivationIdentifier } from '../activations/get-activation';
import { Layer, type LayerArgs } from '../layer';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Activation} (besides the activation itself). */
export type ActivationArgs = LayerArgs;

const ACTIVATION_OPTIONS = defineOptions<ActivationArgs>('Activation', LAYER_OPTION_KEYS);

/**
 * Applies an activation function to its input: `new Activation('relu')`. Has no weights; the output shape
 * is the input shape.
 */
export class Activation extends Layer {
  static override readonly className: string = 'Activation';
  /** The function applied. */
  readonly activation: ActivationFn;

  constructor(activation: ActivationIdentifier, args: ActivationArgs = {}) {
    super(ACTIVATION_OPTIONS.check(args));
    this.activation = getActivation(activation);
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    return this.activation(inputs as Tensor);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), activation: serializeActivation(this.activation) };
  }

  static override fromConfig(config: Record<string, unknown>): Activation {
    const { activation, ...rest } = config;
    return new Activation(activation as string, rest as ActivationArgs);
  }
}
