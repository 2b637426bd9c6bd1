/**
 * Converts the training configuration between Strata's `compile` arguments and Keras's `compile_config`
 * (`.keras`) / `training_config` (legacy `.h5`): the optimizer with its hyperparameters and learning-rate
 * schedule, the loss, and named metrics. Keys map by the snake_case ↔ camelCase rule plus the table below.
 */
import { formatValue } from '@strata-ml/core';
import { toSnakeCase } from '@strata-ml/layers';
import { getLoss, type Loss } from '@strata-ml/losses';
import { getOptimizer, type Optimizer } from '@strata-ml/optimizers';
import { UnsupportedFeatureError } from './errors';
import { isRecord, own, snakeToCamel } from './keras-layer-config';

/** Keras optimizer keys whose Strata name is not their camelCase. */
const OPTIMIZER_RENAME: Readonly<Record<string, string>> = { beta_1: 'beta1', beta_2: 'beta2' };

/** Keras optimizer options Strata does not model, with the value Strata matches (any value for `null`). */
const OPTIMIZER_FIXED: Readonly<Record<string, unknown>> = {
  use_ema: false,
  loss_scale_factor: null,
  gradient_accumulation_steps: null,
  ema_overwrite_frequency: null,
  decay: 0,
  is_legacy_optimizer: false,
};

/** Keras optimizer options without effect in the configurations Strata accepts (EMA is off). */
const OPTIMIZER_IGNORED: ReadonlySet<string> = new Set(['ema_momentum', 'jit_compile']);

/** Keras's defaults for the options Strata leaves out of `getConfig` when unset. */
const OPTIMIZER_DEFAULTS: Readonly<Record<string, unknown>> = {
  weight_decay: null,
  clipnorm: null,
  global_clipnorm: null,
  clipvalue: null,
  use_ema: false,
  ema_momentum: 0.99,
  ema_overwrite_frequency: null,
  loss_scale_factor: null,
  gradient_accumulation_steps: null,
};

function camelValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelValue);
  if (!isRecord(value)) return value;
  if (typeof value['class_name'] === 'string') {
    return { className: value['class_name'], config: camelValue(value['config'] ?? {}) };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeToCamel(k), camelValue(v)]));
}

function snakeValue(value: unknown, module: string): unknown {
  if (Array.isArray(value)) return value.map((v) => snakeValue(v, module));
  if (!isRecord(value)) return value;
  if (typeof value['className'] === 'string' && isRecord(value['config'])) {
    return { module, class_name: value['className'], config: snakeValue(value['config'], module), registered_name: null };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [toSnakeCase(k), snakeValue(v, module)]));
}

/** An optimizer serialized as Keras writes it in `compile_config.optimizer`. */
export function optimizerToKeras(optimizer: Optimizer): Record<string, unknown> {
  const inverse = new Map(Object.entries(OPTIMIZER_RENAME).map(([k, v]) => [v, k]));
  const config: Record<string, unknown> = { ...OPTIMIZER_DEFAULTS };
  for (const [key, value] of Object.entries(optimizer.getConfig())) {
    config[inverse.get(key) ?? toSnakeCase(key)] = snakeValue(value, 'keras.optimizers.schedules');
  }
  return { module: 'keras.optimizers', class_name: optimizer.className, config, registered_name: null };
}

/** Rebuilds an optimizer from Keras's form (a name such as `'adam'`, or a serialized object). */
export function optimizerFromKeras(value: unknown): Optimizer {
  if (typeof value === 'string') return wrap('optimizer', value, () => getOptimizer(value));
  if (!isRecord(value) || typeof value['class_name'] !== 'string') {
    throw new UnsupportedFeatureError(`loadModel: cannot read the optimizer ${formatValue(value)}`);
  }
  const className = value['class_name'];
  const raw = isRecord(value['config']) ? value['config'] : {};
  const config: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (OPTIMIZER_IGNORED.has(key)) continue;
    if (Object.prototype.hasOwnProperty.call(OPTIMIZER_FIXED, key)) {
      const fixed = OPTIMIZER_FIXED[key];
      if (v !== null && v !== fixed) throw new UnsupportedFeatureError(`loadModel: unsupported option '${key}'=${formatValue(v)} of optimizer '${className}'`);
      continue;
    }
    if (v === null) continue;
    config[own(OPTIMIZER_RENAME, key) ?? snakeToCamel(key)] = camelValue(v);
  }
  const optimizer = wrap(`optimizer '${className}'`, className, () => getOptimizer({ className, config }));
  const echoed = optimizer.getConfig();
  for (const key of Object.keys(config)) {
    if (!(key in echoed)) {
      optimizer.dispose();
      throw new UnsupportedFeatureError(`loadModel: unsupported option '${toSnakeCase(key)}'=${formatValue(config[key])} of optimizer '${className}'`);
    }
  }
  return optimizer;
}

/** A loss as Keras writes it: Keras's snake_case name for built-in losses. */
export function lossToKeras(loss: Loss): unknown {
  return { module: 'keras.losses', class_name: loss.className, config: snakeValue(loss.getConfig(), 'keras.losses'), registered_name: null };
}

/** Rebuilds a loss from Keras's form (a name, or a serialized object). */
export function lossFromKeras(value: unknown): Loss {
  if (typeof value === 'string') return wrap('loss', value, () => getLoss(value));
  if (isRecord(value) && typeof value['class_name'] === 'string') {
    const className = value['class_name'];
    const config = camelValue(isRecord(value['config']) ? value['config'] : {}) as Record<string, unknown>;
    return wrap(`loss '${className}'`, className, () => getLoss({ className, config }));
  }
  throw new UnsupportedFeatureError(`loadModel: cannot read the loss ${formatValue(value)}`);
}

/** Metric names from Keras's `metrics` (strings, or serialized metrics named by their config). */
export function metricsFromKeras(value: unknown): string[] {
  if (value == null) return [];
  const flat = (Array.isArray(value) ? value : [value]).flat(2);
  return flat.map((m) => {
    if (typeof m === 'string') return m;
    if (isRecord(m) && isRecord(m['config']) && typeof m['config']['name'] === 'string') return m['config']['name'];
    throw new UnsupportedFeatureError(`loadModel: cannot read the metric ${formatValue(m)}`);
  });
}

function wrap<T>(what: string, name: string, make: () => T): T {
  try {
    return make();
  } catch (e) {
    throw new UnsupportedFeatureError(`loadModel: unsupported ${what} ${JSON.stringify(name)} (${e instanceof Error ? e.message : String(e)})`);
  }
}
