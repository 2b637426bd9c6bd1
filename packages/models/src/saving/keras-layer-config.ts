/**
 * Converts one layer between Keras's serialized form (`{ module, class_name, config, build_config }` with
 * snake_case keys, as in a `.keras` `config.json` or a legacy `model_config`) and a Strata layer. Loading
 * only instantiates classes in Strata's registry (Keras's safe mode): nothing from the file is executed,
 * and every Keras option is either carried over, matched against its one supported value, or reported by
 * name, never dropped.
 */
import { UnknownOptionError, formatValue } from '@strata-ml/core';
import { deserializeLayer, getRegisteredLayer, toSnakeCase, type Layer, type Shape } from '@strata-ml/layers';
import { CorruptFileError, UnsupportedFeatureError } from './errors';
import { CODE_LAYERS, KERAS_CLASS_ALIASES, KERAS_LAYERS, kerasClassOf, type KerasLayerSpec } from './keras-layers';

/** A Keras-serialized object as it appears in `config.json`. */
export interface KerasObject {
  module?: string | null;
  class_name: string;
  config: Record<string, unknown>;
  registered_name?: string | null;
  build_config?: { input_shape?: Shape | null } | null;
  [key: string]: unknown;
}

/** `use_bias` → `useBias`, `beta_1` → `beta1`. */
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `record[key]` if `record` has it as its own entry (never an inherited one such as `constructor`). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape of a serialized Keras object and returns it typed. */
export function asKerasObject(value: unknown, where: string): KerasObject {
  if (!isRecord(value) || typeof value['class_name'] !== 'string' || !isRecord(value['config'] ?? {})) {
    throw new CorruptFileError(`${where}: expected a serialized Keras object { class_name, config }; received ${formatValue(value)}`);
  }
  return { ...value, config: (value['config'] ?? {}) as Record<string, unknown> } as KerasObject;
}

/** Reads a Keras dtype (a string, or a `DTypePolicy` object in Keras ≥ 3.4); only float32 is supported. */
export function kerasDtype(value: unknown, where: string): 'float32' {
  const name = isRecord(value) ? (isRecord(value['config']) ? value['config']['name'] : undefined) : value;
  if (name !== 'float32') throw new UnsupportedFeatureError(`${where}: unsupported dtype policy ${formatValue(name ?? value)}; Strata computes in float32`);
  return 'float32';
}

const NESTED_MODULE: readonly [RegExp, string][] = [
  [/initializer$/i, 'keras.initializers'],
  [/regularizer$/i, 'keras.regularizers'],
  [/constraint$/i, 'keras.constraints'],
  [/layer$/i, 'keras.layers'],
];

/** Keras-serialized values → Strata's: nested `{ class_name, config }` objects become `{ className, config }`. */
function toStrataValue(value: unknown, where: string): unknown {
  if (Array.isArray(value)) return value.map((v) => toStrataValue(v, where));
  if (!isRecord(value)) return value;
  if (typeof value['class_name'] === 'string') {
    const obj = asKerasObject(value, where);
    if (obj.registered_name != null && obj.registered_name !== obj.class_name) {
      throw new UnsupportedFeatureError(`${where}: custom object ${JSON.stringify(obj.registered_name)} is not registered with Strata`);
    }
    return { className: own(KERAS_CLASS_ALIASES, obj.class_name) ?? obj.class_name, config: camelizeKeys(obj.config, where) };
  }
  return camelizeKeys(value, where);
}

function camelizeKeys(config: Record<string, unknown>, where: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [snakeToCamel(k), toStrataValue(v, where)]));
}

/** Strata values → Keras-serialized ones (the inverse of {@link toStrataValue}). */
function toKerasValue(key: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => toKerasValue(key, v));
  if (!isRecord(value)) return value;
  if (typeof value['className'] === 'string' && isRecord(value['config'])) {
    const module = NESTED_MODULE.find(([re]) => re.test(key))?.[1] ?? null;
    return { module, class_name: value['className'], config: snakeKeys(value['config']), registered_name: null };
  }
  return snakeKeys(value);
}

function snakeKeys(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [toSnakeCase(k), toKerasValue(k, v)]));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isPlain(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isPlain);
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The spec for a Keras class: the table's entry, or a caller-registered custom class under its own name. */
function specFor(obj: KerasObject, label: string): KerasLayerSpec {
  if (CODE_LAYERS.has(obj.class_name)) {
    throw new UnsupportedFeatureError(
      `Unsupported Keras layer '${obj.class_name}' (${label}): it holds Python code, and Strata never executes code from a file`,
    );
  }
  const spec = own(KERAS_LAYERS, obj.class_name) ?? { strata: obj.class_name };
  if (getRegisteredLayer(spec.strata) === undefined) throw new UnsupportedFeatureError(`Unsupported Keras layer '${obj.class_name}' (${label})`);
  return spec;
}

/** A Strata layer rebuilt from a Keras-serialized layer, with the shape Keras built it for. */
export interface LoadedLayer {
  /** The new (unbuilt) layer. */
  readonly layer: Layer;
  /** `build_config.input_shape` when the file has it (Keras 3). */
  readonly buildShape: Shape | null;
  /** How its variables are stored. */
  readonly spec: KerasLayerSpec;
}

/**
 * Rebuilds a Strata layer from a Keras-serialized layer. Throws `UnsupportedFeatureError` naming the
 * Keras class and layer for a class Strata lacks (`Unsupported Keras layer 'Conv3D' (layer 'conv3d_1')`),
 * a code-carrying layer (`Lambda`), or an option Strata cannot honour.
 */
export function layerFromKeras(serialized: unknown): LoadedLayer {
  const obj = asKerasObject(serialized, 'loadModel');
  const name = typeof obj.config['name'] === 'string' ? obj.config['name'] : '?';
  const label = `layer '${name}'`;
  const where = `Keras layer '${obj.class_name}' (${label})`;
  const spec = specFor(obj, label);
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj.config)) {
    if (spec.fixed && Object.prototype.hasOwnProperty.call(spec.fixed, key)) {
      if (!sameValue(value, spec.fixed[key])) throw new UnsupportedFeatureError(`Unsupported option '${key}'=${formatValue(value)} of ${where}; Strata supports ${formatValue(spec.fixed[key])}`);
      continue;
    }
    if (key === 'dtype') config['dtype'] = kerasDtype(value, where);
    else config[own(spec.rename, key) ?? snakeToCamel(key)] = toStrataValue(value, where);
  }
  const kerasKey = (key: string): string => Object.entries(spec.rename ?? {}).find(([, v]) => v === key)?.[0] ?? toSnakeCase(key);
  let layer: Layer | null = null;
  while (layer === null) {
    try {
      layer = deserializeLayer({ className: spec.strata, config });
    } catch (e) {
      // An option the class does not take may only be "unset" (null, as Keras writes options it added later).
      if (e instanceof UnknownOptionError && config[e.key] === null) delete config[e.key];
      else if (e instanceof UnknownOptionError) throw new UnsupportedFeatureError(`Unsupported option '${kerasKey(e.key)}'=${formatValue(config[e.key])} of ${where}`);
      else throw new UnsupportedFeatureError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // Anything Strata's own config does not echo back was not understood; only "unset" (null) may pass.
  const echoed = layer.getConfig();
  for (const [key, value] of Object.entries(config)) {
    const understood = key in echoed
      ? /activation$/i.test(key) || !isPlain(value) || sameValue(value, echoed[key])
      : value === null;
    if (!understood) {
      layer.dispose();
      throw new UnsupportedFeatureError(`Unsupported option '${kerasKey(key)}'=${formatValue(value)} of ${where}`);
    }
  }
  const shape = obj.build_config?.input_shape;
  return { layer, buildShape: Array.isArray(shape) ? shape : null, spec };
}

/** A Strata layer serialized the way Keras 3 writes layers in `config.json`. */
export function layerToKeras(layer: Layer, buildShape: Shape | null): KerasObject {
  const known = kerasClassOf(layer.className);
  const [className, spec] = known ?? [layer.className, { strata: layer.className } as KerasLayerSpec];
  const inverse = new Map(Object.entries(spec.rename ?? {}).map(([k, v]) => [v, k]));
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(layer.getConfig())) config[inverse.get(key) ?? toSnakeCase(key)] = toKerasValue(key, value);
  for (const [key, value] of Object.entries(spec.fixed ?? {})) if (value !== null && value !== false) config[key] = value;
  const out: KerasObject = {
    module: known ? 'keras.layers' : null,
    class_name: className,
    config,
    registered_name: known ? null : className,
  };
  if (buildShape !== null) out.build_config = { input_shape: buildShape };
  return out;
}
