import { RNN_OPTION_KEYS, type RNNArgs } from './rnn';
import type { RNNCell } from './rnn-cell';

const LAYER_KEYS = Object.keys(RNN_OPTION_KEYS) as (keyof RNNArgs)[];

/**
 * Splits the flat arguments of `SimpleRNN`/`LSTM`/`GRU` into those of the `RNN` layer and those of its
 * cell (which shares the layer's `trainable` and `dtype`).
 */
export function splitRecurrentArgs<A extends RNNArgs>(args: A): { layerArgs: RNNArgs; cellArgs: Omit<A, keyof RNNArgs> } {
  const layerArgs: Record<string, unknown> = {};
  const cellArgs: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  for (const key of LAYER_KEYS) {
    if (Object.prototype.hasOwnProperty.call(args, key)) layerArgs[key] = args[key as keyof A];
    delete cellArgs[key];
  }
  if (args.trainable !== undefined) cellArgs['trainable'] = args.trainable;
  return { layerArgs: layerArgs as RNNArgs, cellArgs: cellArgs as Omit<A, keyof RNNArgs> };
}

/** The flat config of `SimpleRNN`/`LSTM`/`GRU`: the layer's config with the cell's options in place of `cell`. */
export function flatRecurrentConfig(layerConfig: Record<string, unknown>, cell: RNNCell): Record<string, unknown> {
  const { cell: _cell, ...layer } = layerConfig;
  const { name: _name, trainable: _trainable, dtype: _dtype, ...cellOptions } = cell.getConfig();
  return { ...layer, ...cellOptions };
}
