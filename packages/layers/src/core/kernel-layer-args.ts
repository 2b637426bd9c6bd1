import { optionKeys } from '@strata-ml/core';
import type { ActivationIdentifier } from '../activations/get-activation';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerIdentifier } from '../initializers/get-initializer';
import type { LayerArgs } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of every layer with a kernel, an optional bias and an output activation (Dense, convolutions). */
export interface KernelLayerArgs extends LayerArgs {
  /** Applied to the output; default none (`linear`). */
  activation?: ActivationIdentifier | null;
  /** Whether to add a bias (default true). */
  useBias?: boolean;
  /** Initializer of the kernel (default `glorot_uniform`). */
  kernelInitializer?: InitializerIdentifier;
  /** Initializer of the bias (default `zeros`). */
  biasInitializer?: InitializerIdentifier;
  /** Penalty on the kernel, e.g. `l2(0.001)`. */
  kernelRegularizer?: RegularizerIdentifier | null;
  /** Penalty on the bias. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** Projection of the kernel after each optimizer step. */
  kernelConstraint?: ConstraintIdentifier | null;
  /** Projection of the bias after each optimizer step. */
  biasConstraint?: ConstraintIdentifier | null;
}

/** The keys of {@link KernelLayerArgs}, spread by the option lists of Dense and the convolutions. */
export const KERNEL_LAYER_OPTION_KEYS = optionKeys<KernelLayerArgs>({
  ...LAYER_OPTION_KEYS,
  activation: true,
  useBias: true,
  kernelInitializer: true,
  biasInitializer: true,
  kernelRegularizer: true,
  biasRegularizer: true,
  kernelConstraint: true,
  biasConstraint: true,
});
