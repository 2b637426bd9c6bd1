import { optionKeys } from '@strata-ml/core';
import type { LayerArgs } from './layer';

/**
 * The keys of {@link LayerArgs}, which every layer's option list spreads. A custom layer that wants strict
 * options declares its own list the same way:
 * `defineOptions<MyLayerArgs>('MyLayer', { ...LAYER_OPTION_KEYS, units: true })`, then calls `check(args)`
 * in its constructor.
 */
export const LAYER_OPTION_KEYS = optionKeys<LayerArgs>({
  name: true,
  trainable: true,
  inputShape: true,
  batchInputShape: true,
  batchSize: true,
  dtype: true,
  activityRegularizer: true,
});
