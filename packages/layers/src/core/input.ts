import { invalidArgument, defineOptions } from '@strata-ml/core';
import type { SymbolicTensor } from '../symbolic-tensor';
import { InputLayer } from './input-layer';

/** Arguments of {@link Input}. */
export interface InputArgs {
  /** The shape of one sample, without the batch axis (`[784]`, `[28, 28, 1]`); `null` for an unknown size. */
  shape: (number | null)[];
  /** A fixed batch size (default unknown). */
  batchSize?: number;
  /** The input's name; default `input_layer`, `input_layer_1`, … (as Keras 3). */
  name?: string;
  /** Only float32; integer data (token ids) is fed as float32 and cast by the layer that needs integers. */
  dtype?: 'float32';
}

const INPUT_OPTIONS = defineOptions<InputArgs>('Input', { shape: true, batchSize: true, name: true, dtype: true });

const owners = new WeakMap<SymbolicTensor, InputLayer>();

/**
 * A model input for the functional API (Keras's `keras.Input`): a symbolic tensor of shape
 * `[batchSize ?? null, ...shape]`, backed by an {@link InputLayer}. Call layers on it, then build a model
 * from the inputs and the outputs:
 *
 * ```ts
 * const x = Input({ shape: [784] });
 * const y = new Dense(10, { activation: 'softmax' }).apply(new Dense(256, { activation: 'relu' }).apply(x));
 * const model = new Model({ inputs: x, outputs: y });
 * ```
 */
export function Input(args: InputArgs): SymbolicTensor {
  if (args != null) INPUT_OPTIONS.check(args);
  if (args == null || !Array.isArray(args.shape)) throw invalidArgument('Input', 'shape', 'an array of dimensions without the batch axis', args?.shape);
  if (args.batchSize !== undefined && !(Number.isInteger(args.batchSize) && args.batchSize > 0)) {
    throw invalidArgument('Input', 'batchSize', 'a positive integer', args.batchSize);
  }
  const layer = new InputLayer({
    batchInputShape: [args.batchSize ?? null, ...args.shape],
    ...(args.name !== undefined ? { name: args.name } : {}),
    ...(args.dtype !== undefined ? { dtype: args.dtype } : {}),
  });
  owners.set(layer.output, layer);
  return layer.output;
}

/** The {@link InputLayer} behind a tensor made by {@link Input}; null for any other tensor. */
export function inputLayerOf(tensor: SymbolicTensor): InputLayer | null {
  return owners.get(tensor) ?? null;
}
