/**
 * One layer between TF.js's serialized form and Strata. TF.js writes Keras 2-style JSON (snake_case keys,
 * `{ class_name, config }` objects) with its own dialect: `null` for unset options, tfjs-only keys
 * (`implementation`, `input_length`), its own initializer names (`LeCunNormal`, a `VarianceScaling`
 * whose `normal` is truncated), Keras 2's hard sigmoid, `alpha` for LeakyReLU, one-element axis lists.
 * Reading translates the dialect into Keras's form and goes through the same checks as `.keras` files
 * (registered classes only, every option honoured or reported); writing emits only what stock
 * tfjs-layers 4.22 reads, and names what it cannot express.
 */
import { formatValue } from '@strata-ml/core';
import type { Layer } from '@strata-ml/layers';
import { UnsupportedFeatureError } from '../errors';
import { asKerasObject, isRecord, layerFromKeras, layerToKeras, own, type KerasObject, type LoadedLayer } from '../keras-layer-config';

/** Classes stock tfjs-layers registers, among those Strata has. */
const TFJS_LAYERS: ReadonlySet<string> = new Set([
  'InputLayer', 'Dense', 'Activation', 'Dropout', 'Flatten', 'Reshape', 'Permute', 'RepeatVector', 'ZeroPadding2D', 'Cropping2D',
  'UpSampling2D', 'Conv1D', 'Conv2D', 'Conv2DTranspose', 'MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D', 'AveragePooling2D',
  'GlobalMaxPooling1D', 'GlobalMaxPooling2D', 'GlobalAveragePooling1D', 'GlobalAveragePooling2D', 'BatchNormalization',
  'LayerNormalization', 'Embedding', 'ReLU', 'LeakyReLU', 'PReLU', 'ELU', 'Softmax', 'SimpleRNN', 'LSTM', 'GRU', 'RNN',
  'SimpleRNNCell', 'LSTMCell', 'GRUCell', 'Bidirectional', 'TimeDistributed', 'Add', 'Multiply', 'Average', 'Maximum', 'Minimum',
  'Concatenate', 'Dot',
]);

/** TF.js initializer class names that Keras spells differently (TF.js name → Keras name). */
const TFJS_INITIALIZERS: Readonly<Record<string, string>> = { LeCunNormal: 'LecunNormal', LeCunUniform: 'LecunUniform' };

/** TF.js activation names → Strata's. TF.js's `hard_sigmoid` is Keras 2's `clip(0.2·x + 0.5, 0, 1)`. */
const TFJS_ACTIVATIONS: Readonly<Record<string, string>> = {
  linear: 'linear', relu: 'relu', relu6: 'relu6', elu: 'elu', selu: 'selu', softplus: 'softplus', softsign: 'softsign',
  sigmoid: 'sigmoid', hard_sigmoid: 'legacy_hard_sigmoid', tanh: 'tanh', softmax: 'softmax', log_softmax: 'log_softmax',
  swish: 'swish', mish: 'mish', gelu: 'gelu',
};

/** Strata activation names → TF.js's (the inverse, plus Strata's aliases). */
const STRATA_ACTIVATIONS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(TFJS_ACTIVATIONS).map(([tfjs, strata]) => [strata, tfjs])),
  silu: 'swish',
};

/** Keys TF.js writes that carry no meaning for a loaded model (a kernel choice; Keras 2's optional input length). */
const TFJS_ONLY_KEYS: ReadonlySet<string> = new Set(['implementation', 'input_length']);

/** Keys of a generic `RNN` layer's own config (TF.js also copies the cell's options beside them). */
const RNN_KEYS: ReadonlySet<string> = new Set(['name', 'trainable', 'dtype', 'batch_input_shape', 'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'cell']);

function activationFromTfjs(value: unknown, where: string): unknown {
  if (typeof value !== 'string') return value;
  const name = own(TFJS_ACTIVATIONS, value);
  if (name === undefined) throw new UnsupportedFeatureError(`${where}: TF.js activation ${formatValue(value)} has no Strata equivalent`);
  return name;
}

function initializerFromTfjs(obj: Record<string, unknown>): Record<string, unknown> {
  const className = own(TFJS_INITIALIZERS, obj['class_name'] as string) ?? (obj['class_name'] as string);
  const config = isRecord(obj['config']) ? { ...obj['config'] } : {};
  // TF.js's 'normal' draws from a truncated normal (as Keras 2 did); Strata reads 'normal' as Keras 3's untruncated one.
  if (className === 'VarianceScaling' && config['distribution'] === 'normal') config['distribution'] = 'truncated_normal';
  if (['GlorotUniform', 'GlorotNormal', 'HeNormal', 'HeUniform', 'LecunNormal', 'LecunUniform'].includes(className)) {
    return { class_name: className, config: { seed: config['seed'] ?? null } };
  }
  return { class_name: className, config };
}

function valueFromTfjs(key: string, value: unknown, where: string): unknown {
  if (/activation$/.test(key)) return activationFromTfjs(value, where);
  if (/initializer$/.test(key) && isRecord(value)) return initializerFromTfjs(value);
  if ((key === 'layer' || key === 'cell') && isRecord(value)) return kerasFromTfjs(value, where);
  return value;
}

/** A TF.js-serialized layer in Keras's form, ready for `layerFromKeras`. */
export function kerasFromTfjs(value: unknown, where: string): KerasObject {
  const obj = asKerasObject(value, where);
  const className = obj.class_name;
  const label = `${where}: TF.js layer '${className}' ('${String(obj.config['name'] ?? '?')}')`;
  const config: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj.config)) {
    if (v === null || TFJS_ONLY_KEYS.has(key)) continue;
    if (className === 'RNN' && !RNN_KEYS.has(key)) continue;
    config[key] = valueFromTfjs(key, v, label);
  }
  if (className === 'LeakyReLU' && 'alpha' in config) {
    config['negative_slope'] = config['alpha'];
    delete config['alpha'];
  }
  if (className === 'LayerNormalization' && Array.isArray(config['axis']) && config['axis'].length === 1) config['axis'] = config['axis'][0];
  if (className === 'Dot' && typeof config['axes'] === 'number') config['axes'] = [config['axes'], config['axes']];
  if (className === 'UpSampling2D' && config['interpolation'] === 'bilinear') {
    // tfjs-layers resizes with resizeBilinear's defaults (no half-pixel centres); Keras and Strata use half-pixel centres.
    throw new UnsupportedFeatureError(`${label}: bilinear upsampling in TF.js samples other points than Keras's; only 'nearest' loads exactly`);
  }
  return { class_name: className, config };
}

/** Rebuilds a Strata layer from a TF.js-serialized one. */
export function layerFromTfjs(value: unknown, where: string): LoadedLayer {
  return layerFromKeras(kerasFromTfjs(value, where));
}

function activationToTfjs(value: unknown, where: string): unknown {
  if (typeof value !== 'string') return value;
  const name = own(STRATA_ACTIVATIONS, value);
  if (name === undefined) {
    const hint = value === 'hard_sigmoid' ? " (Keras 3's relu6(x + 3) / 6; TF.js's hard_sigmoid is Strata's 'legacy_hard_sigmoid')" : '';
    throw new UnsupportedFeatureError(`${where}: activation ${formatValue(value)} has no TF.js equivalent${hint}`);
  }
  return name;
}

function initializerToTfjs(obj: Record<string, unknown>, where: string): Record<string, unknown> {
  const inverse = Object.fromEntries(Object.entries(TFJS_INITIALIZERS).map(([t, k]) => [k, t]));
  const className = own(inverse, obj['class_name'] as string) ?? (obj['class_name'] as string);
  const config = isRecord(obj['config']) ? { ...obj['config'] } : {};
  if (className === 'VarianceScaling') {
    if (config['distribution'] === 'untruncated_normal') throw new UnsupportedFeatureError(`${where}: TF.js's VarianceScaling has no untruncated normal distribution`);
    if (config['distribution'] === 'truncated_normal') config['distribution'] = 'normal';
  }
  return { class_name: className, config };
}

function regularizerToTfjs(obj: Record<string, unknown>): Record<string, unknown> {
  // TF.js registers only L1L2; its l1() and l2() make one.
  const config = isRecord(obj['config']) ? obj['config'] : {};
  return { class_name: 'L1L2', config: { l1: config['l1'] ?? 0, l2: config['l2'] ?? 0 } };
}

function stripKeras(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripKeras);
  if (!isRecord(value)) return value;
  if (typeof value['class_name'] === 'string') return { class_name: value['class_name'], config: stripKeras(value['config'] ?? {}) };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripKeras(v)]));
}

function valueToTfjs(key: string, value: unknown, where: string): unknown {
  if (/activation$/.test(key)) return activationToTfjs(value, where);
  if (!isRecord(value)) return stripKeras(value);
  if (/initializer$/.test(key)) return initializerToTfjs(stripKeras(value) as Record<string, unknown>, where);
  if (/regularizer$/.test(key)) return regularizerToTfjs(stripKeras(value) as Record<string, unknown>);
  return stripKeras(value);
}

function requireDefault(config: Record<string, unknown>, key: string, expected: unknown, where: string): void {
  const value = config[key];
  if (value !== undefined && value !== null && JSON.stringify(value) !== JSON.stringify(expected)) {
    throw new UnsupportedFeatureError(`${where}: option '${key}'=${formatValue(value)} cannot be saved in TF.js format (tfjs-layers supports only ${formatValue(expected)})`);
  }
  delete config[key];
}

/** A Keras-serialized layer in TF.js's dialect. */
function tfjsFromKeras(obj: KerasObject, where: string): { class_name: string; config: Record<string, unknown> } {
  const className = obj.class_name;
  const label = `${where}: layer '${String(obj.config['name'] ?? '?')}' (${className})`;
  if (!TFJS_LAYERS.has(className)) throw new UnsupportedFeatureError(`${label} cannot be saved in TF.js format: tfjs-layers has no ${className} layer`);
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj.config)) {
    if (key === 'layer' || key === 'cell') config[key] = tfjsFromKeras(asKerasObject(value, where), where);
    else config[key] = valueToTfjs(key, value, label);
  }
  for (const key of ['groups']) requireDefault(config, key, 1, label);
  for (const key of ['ragged', 'optional']) requireDefault(config, key, false, label);
  if (className === 'LeakyReLU') {
    config['alpha'] = config['negative_slope'];
    delete config['negative_slope'];
  }
  if (className === 'ReLU') {
    requireDefault(config, 'negative_slope', 0, label);
    requireDefault(config, 'threshold', 0, label);
  }
  // tfjs-layers 4.22 refuses any other ELU alpha.
  if (className === 'ELU') requireDefault(config, 'alpha', 1, label);
  if (className === 'GRU' || className === 'GRUCell') {
    requireDefault(config, 'reset_after', false, label);
    config['reset_after'] = false;
  }
  if (className === 'Conv2DTranspose') {
    requireDefault(config, 'output_padding', null, label);
    requireDefault(config, 'dilation_rate', [1, 1], label);
  }
  if (className === 'UpSampling2D') requireDefault(config, 'interpolation', 'nearest', label);
  if (className === 'Bidirectional') {
    // TF.js derives the backward layer from the forward one and names them forward_<name> / backward_<name>.
    delete config['backward_layer'];
    const inner = config['layer'] as { config: Record<string, unknown> };
    inner.config['name'] = String(inner.config['name']).replace(/^forward_/, '');
  }
  return { class_name: className, config };
}

/** A Strata layer serialized as tfjs-layers writes it (`{ class_name, config }`). */
export function layerToTfjs(layer: Layer, where: string): { class_name: string; config: Record<string, unknown> } {
  return tfjsFromKeras(layerToKeras(layer, null), where);
}
