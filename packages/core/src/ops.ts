/**
 * The tensor ops, as `tf.*`: everything tfjs-core offers (tensors, math, autodiff, memory management),
 * plus the names Keras users reach for where TF.js spells them differently.
 */
import * as tfc from '@tensorflow/tfjs-core';

export * from '@tensorflow/tfjs-core';

/** Keras's `concatenate`: joins tensors along `axis` (default the last). */
export function concatenate(tensors: tfc.Tensor[], axis = -1): tfc.Tensor {
  return tfc.concat(tensors, axis);
}

/** Keras's `flatten` for a batch: keeps the first axis and flattens the rest. */
export function batchFlatten(x: tfc.Tensor): tfc.Tensor {
  return tfc.reshape(x, [x.shape[0] ?? -1, -1]);
}
