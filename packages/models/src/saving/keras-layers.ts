/**
 * The table that maps Keras layer classes onto Strata's. Supporting another Keras layer is one entry
 * here, once `@strata-ml/layers` registers the class: config keys convert by rule (snake_case ↔ camelCase),
 * so an entry lists only what the rule cannot know.
 */

import { Bidirectional, TimeDistributed, type Layer } from '@strata-ml/layers';

/** How one Keras layer class maps onto Strata. */
export interface KerasLayerSpec {
  /** The class name Strata registers (`registerLayer`) for it. */
  readonly strata: string;
  /** Keras config keys whose Strata name is not simply their camelCase (`batch_shape` → `batchInputShape`). */
  readonly rename?: Readonly<Record<string, string>>;
  /**
   * Keras options Strata does not model, with the one value Strata's behaviour matches. A file with any
   * other value is rejected naming the option; saving writes these values so Keras reads what Strata did.
   */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** Where the variables sit under `layers/<key>/` in a `.keras` weights file (default `vars`). */
  readonly vars?: string;
  /** For wrappers: the wrapped layers and the folder each one's variables sit in, instead of `vars`. */
  readonly children?: (layer: Layer) => [string, Layer][];
}

const CHANNELS_LAST = { data_format: 'channels_last' } as const;

/** Keras class name → how Strata reads and writes it. */
export const KERAS_LAYERS: Readonly<Record<string, KerasLayerSpec>> = {
  InputLayer: {
    strata: 'InputLayer',
    // Keras 2 wrote batch_input_shape, Keras 3 writes batch_shape (listed last: it is what Strata writes).
    rename: { batch_input_shape: 'batchInputShape', batch_shape: 'batchInputShape' },
    fixed: { sparse: false, ragged: false, optional: false },
  },
  Dense: { strata: 'Dense' },
  Activation: { strata: 'Activation' },
  Dropout: { strata: 'Dropout' },
  Flatten: { strata: 'Flatten', fixed: CHANNELS_LAST },
  Reshape: { strata: 'Reshape' },
  Permute: { strata: 'Permute' },
  RepeatVector: { strata: 'RepeatVector' },
  ZeroPadding2D: { strata: 'ZeroPadding2D', fixed: CHANNELS_LAST },
  Cropping2D: { strata: 'Cropping2D', fixed: CHANNELS_LAST },
  UpSampling2D: { strata: 'UpSampling2D', fixed: CHANNELS_LAST },
  Conv1D: { strata: 'Conv1D', fixed: { ...CHANNELS_LAST, groups: 1 } },
  Conv2D: { strata: 'Conv2D', fixed: { ...CHANNELS_LAST, groups: 1 } },
  Conv2DTranspose: { strata: 'Conv2DTranspose', fixed: CHANNELS_LAST },
  MaxPooling1D: { strata: 'MaxPooling1D', fixed: CHANNELS_LAST },
  MaxPooling2D: { strata: 'MaxPooling2D', fixed: CHANNELS_LAST },
  AveragePooling1D: { strata: 'AveragePooling1D', fixed: CHANNELS_LAST },
  AveragePooling2D: { strata: 'AveragePooling2D', fixed: CHANNELS_LAST },
  GlobalMaxPooling1D: { strata: 'GlobalMaxPooling1D', fixed: CHANNELS_LAST },
  GlobalMaxPooling2D: { strata: 'GlobalMaxPooling2D', fixed: CHANNELS_LAST },
  GlobalAveragePooling1D: { strata: 'GlobalAveragePooling1D', fixed: CHANNELS_LAST },
  GlobalAveragePooling2D: { strata: 'GlobalAveragePooling2D', fixed: CHANNELS_LAST },
  BatchNormalization: { strata: 'BatchNormalization' },
  LayerNormalization: { strata: 'LayerNormalization' },
  Embedding: { strata: 'Embedding' },
  ReLU: { strata: 'ReLU' },
  LeakyReLU: { strata: 'LeakyReLU' },
  PReLU: { strata: 'PReLU' },
  ELU: { strata: 'ELU' },
  Softmax: { strata: 'Softmax' },
  SimpleRNN: { strata: 'SimpleRNN', vars: 'cell/vars' },
  LSTM: { strata: 'LSTM', vars: 'cell/vars' },
  GRU: { strata: 'GRU', vars: 'cell/vars' },
  Bidirectional: {
    strata: 'Bidirectional',
    children: (layer) => [
      ['forward_layer', (layer as Bidirectional).forwardLayer],
      ['backward_layer', (layer as Bidirectional).backwardLayer],
    ],
  },
  TimeDistributed: { strata: 'TimeDistributed', children: (layer) => [['layer', (layer as TimeDistributed).layer]] },
};

/** Keras names of initializers (and other nested objects) that Strata registers under another name. */
export const KERAS_CLASS_ALIASES: Readonly<Record<string, string>> = {
  OrthogonalInitializer: 'Orthogonal',
  IdentityInitializer: 'Identity',
};

/** Keras classes that run code stored in the file; never loaded (Keras's safe mode). */
export const CODE_LAYERS: ReadonlySet<string> = new Set(['Lambda', 'TFOpLambda', 'SlicingOpLambda']);

/** The Keras entry for a Strata class name, if Keras has the class. */
export function kerasClassOf(strataClassName: string): [string, KerasLayerSpec] | undefined {
  return Object.entries(KERAS_LAYERS).find(([, spec]) => spec.strata === strataClassName);
}
