import type { Tensor } from '@strata-ml/core';
import type { Layer } from '@strata-ml/layers';

/** A mask for each output of a layer call, or one for its only output. */
export type OutputMask = Tensor | null | (Tensor | null)[];

/**
 * Layers that keep the time axis and pass a mask on unchanged (those Keras marks `supports_masking` with
 * the default `compute_mask`). Any other layer without `computeMask` drops the mask, as Keras does.
 */
const PASS_THROUGH = new Set(['Dense', 'Activation', 'Dropout', 'LeakyReLU', 'ReLU', 'ELU', 'PReLU', 'Softmax', 'LayerNormalization', 'BatchNormalization']);

interface Masking {
  computeMask(inputs: Tensor | Tensor[], mask?: Tensor | null): OutputMask;
}

function hasComputeMask(layer: Layer): layer is Layer & Masking {
  return typeof (layer as Partial<Masking>).computeMask === 'function';
}

/**
 * The mask of a layer's output(s), given its inputs and the mask of its input: the layer's own
 * `computeMask` (Embedding with `maskZero` starts a mask; a recurrent layer keeps or ends it), the input
 * mask for a layer that passes it through, else none.
 */
export function outputMask(layer: Layer, inputs: Tensor | Tensor[], mask: Tensor | null): OutputMask {
  if (hasComputeMask(layer)) return layer.computeMask(inputs, mask);
  return mask !== null && PASS_THROUGH.has(layer.className) ? mask : null;
}

/** The mask to hand on from a layer whose outputs feed one next layer: that of the first output. */
export function firstMask(mask: OutputMask): Tensor | null {
  return Array.isArray(mask) ? (mask[0] ?? null) : mask;
}
