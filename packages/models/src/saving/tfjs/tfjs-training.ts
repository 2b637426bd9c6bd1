/**
 * The training half of a TF.js model: `trainingConfig` (loss, metrics, `optimizer_config`) and the
 * optimizer's weights (the `optimizer` group of the manifest: `iter`, then the slots kind by kind, one per
 * trainable weight, as TF.js's optimizers list them). TF.js's optimizers map onto Strata's:
 *
 * | TF.js | Strata | slots (TF.js → Strata) |
 * | --- | --- | --- |
 * | `SGD` | `SGD` | — |
 * | `Momentum` | `SGD` with `momentum` | `momentum` = −learningRate × TF.js's accumulator (Keras keeps the step, TF.js the gradient sum) |
 * | `RMSProp` | `RMSprop` (`decay` is `rho`) | `rms` → velocity, `momentum` (only kept when momentum > 0), `mg` → average gradient |
 * | `Adam`, `Adamax` | `Adam`, `Adamax` | `m`, `v` |
 * | `Adagrad` | `Adagrad` | `accumulator` |
 * | `Adadelta` | `Adadelta` | `accum_grad`, `accum_var` |
 */
import { tf, formatValue, type Tensor } from '@strata-ml/core';
import { getLoss, type Loss } from '@strata-ml/losses';
import { Adadelta, Adagrad, Adam, Adamax, RMSprop, SGD, type Optimizer } from '@strata-ml/optimizers';
import type { Model } from '../../model';
import { CorruptFileError, UnsupportedFeatureError } from '../errors';
import { isRecord, own } from '../keras-layer-config';
import { lossFromKeras, metricsFromKeras } from '../keras-compile-config';
import type { DecodedWeight, TfjsWeightSpec } from './artifacts';

/** Strata loss class → the name tfjs-layers knows it by. */
const TFJS_LOSSES: Readonly<Record<string, string>> = {
  MeanSquaredError: 'mean_squared_error',
  MeanAbsoluteError: 'mean_absolute_error',
  MeanAbsolutePercentageError: 'mean_absolute_percentage_error',
  MeanSquaredLogarithmicError: 'mean_squared_logarithmic_error',
  Hinge: 'hinge',
  SquaredHinge: 'squared_hinge',
  CategoricalHinge: 'categorical_hinge',
  CategoricalCrossentropy: 'categorical_crossentropy',
  SparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  BinaryCrossentropy: 'binary_crossentropy',
  KLDivergence: 'kullback_leibler_divergence',
};

function num(config: Record<string, unknown>, key: string): number | undefined {
  const v = config[key];
  return typeof v === 'number' ? v : undefined;
}

function defined<T extends Record<string, unknown>>(args: T): T {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) as T;
}

/** A Strata optimizer from TF.js's `optimizer_config` (`{ class_name, config }` with camelCase keys). */
export function optimizerFromTfjs(value: unknown, where: string): Optimizer {
  if (!isRecord(value) || typeof value['class_name'] !== 'string') throw new CorruptFileError(`${where}: cannot read the optimizer ${formatValue(value)}`);
  const c = isRecord(value['config']) ? value['config'] : {};
  const learningRate = num(c, 'learningRate');
  switch (value['class_name']) {
    case 'SGD':
      return new SGD(defined({ learningRate }));
    case 'Momentum':
      return new SGD(defined({ learningRate, momentum: num(c, 'momentum'), nesterov: c['useNesterov'] === true }));
    case 'RMSProp':
      return new RMSprop(defined({ learningRate, rho: num(c, 'decay'), momentum: num(c, 'momentum'), epsilon: num(c, 'epsilon'), centered: c['centered'] === true }));
    case 'Adam':
      return new Adam(defined({ learningRate, beta1: num(c, 'beta1'), beta2: num(c, 'beta2'), epsilon: num(c, 'epsilon') }));
    case 'Adamax':
      if ((num(c, 'decay') ?? 0) !== 0) throw new UnsupportedFeatureError(`${where}: Adamax with decay=${String(c['decay'])} is not supported (Strata's Adamax has no decay)`);
      return new Adamax(defined({ learningRate, beta1: num(c, 'beta1'), beta2: num(c, 'beta2'), epsilon: num(c, 'epsilon') }));
    case 'Adagrad':
      return new Adagrad(defined({ learningRate, initialAccumulatorValue: num(c, 'initialAccumulatorValue') }));
    case 'Adadelta':
      return new Adadelta(defined({ learningRate, rho: num(c, 'rho'), epsilon: num(c, 'epsilon') }));
    default:
      throw new UnsupportedFeatureError(`${where}: TF.js optimizer '${value['class_name']}' is not supported`);
  }
}

/** How TF.js names an optimizer's slot kinds, in Strata's order, for this optimizer's configuration. */
function slotKinds(optimizer: Optimizer): { tfjs: string[]; strata: boolean[] } {
  if (optimizer instanceof SGD) return optimizer.momentum > 0 ? { tfjs: ['momentum'], strata: [true] } : { tfjs: [], strata: [] };
  if (optimizer instanceof RMSprop) {
    // TF.js always keeps a momentum accumulator; Strata only when momentum > 0.
    const tfjs = ['rms', 'momentum', ...(optimizer.centered ? ['mg'] : [])];
    return { tfjs, strata: [true, optimizer.momentum > 0, ...(optimizer.centered ? [true] : [])] };
  }
  if (optimizer instanceof Adam || optimizer instanceof Adamax) return { tfjs: ['m', 'v'], strata: [true, true] };
  if (optimizer instanceof Adagrad) return { tfjs: ['accumulator'], strata: [true] };
  if (optimizer instanceof Adadelta) return { tfjs: ['accum_grad', 'accum_var'], strata: [true, true] };
  return { tfjs: [], strata: [] };
}

/** Compiles `model` from TF.js's `trainingConfig` and restores the optimizer weights when the file has them. */
export function compileFromTfjs(model: Model, trainingConfig: Record<string, unknown>, optimizerWeights: readonly DecodedWeight[], where: string): void {
  const optimizer = optimizerFromTfjs(trainingConfig['optimizer_config'], where);
  const loss = trainingConfig['loss'];
  model.compile({
    optimizer,
    loss: Array.isArray(loss) ? loss.map(lossFromKeras) : isRecord(loss) ? Object.fromEntries(Object.entries(loss).map(([k, v]) => [k, lossFromKeras(v)])) : lossFromKeras(loss),
    // TF.js writes {} for "no metrics".
    metrics: isRecord(trainingConfig['metrics']) && Object.keys(trainingConfig['metrics']).length === 0 ? [] : metricsFromKeras(trainingConfig['metrics']),
    ...(Array.isArray(trainingConfig['loss_weights']) ? { lossWeights: trainingConfig['loss_weights'] as number[] } : {}),
  });
  if (optimizerWeights.length === 0) return;
  const [iterations, ...slots] = optimizerWeights;
  const n = model.trainableWeights.length;
  const kinds = slotKinds(optimizer);
  if (iterations === undefined || iterations.values.length !== 1 || slots.length !== kinds.tfjs.length * n) {
    throw new CorruptFileError(
      `${where}: the ${optimizer.className} state should be the iteration count and ${kinds.tfjs.length} slots for each of the ${n} trainable weights; the file holds ${optimizerWeights.length} optimizer weights`,
    );
  }
  const kept = slots.filter((_, i) => kinds.strata[Math.floor(i / n)] === true);
  const scale = optimizer instanceof SGD ? -optimizer.learningRate : 1;
  const tensors: Tensor[] = [tf.scalar(iterations.values[0] as number, 'int32'), ...kept.map((d) => tf.mul(tf.tensor(d.values, d.spec.shape, 'float32'), scale))];
  try {
    optimizer.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}

function lossToTfjs(loss: Loss, where: string): string {
  const name = own(TFJS_LOSSES, loss.className);
  const plain = name === undefined ? null : getLoss(loss.className);
  const same = plain !== null && JSON.stringify({ ...plain.getConfig(), name: null }) === JSON.stringify({ ...loss.getConfig(), name: null });
  if (name === undefined || !same) {
    throw new UnsupportedFeatureError(`${where}: the loss ${loss.className} ${formatValue(loss.getConfig())} has no TF.js equivalent; save with includeOptimizer: false`);
  }
  return name;
}

function optimizerToTfjs(optimizer: Optimizer, where: string): Record<string, unknown> {
  const unsupported = (why: string): never => {
    throw new UnsupportedFeatureError(`${where}: the ${optimizer.className} optimizer cannot be saved in TF.js format (${why}); save with includeOptimizer: false`);
  };
  if (optimizer.schedule !== undefined) unsupported('TF.js optimizers have no learning-rate schedules');
  if (optimizer.clipnorm !== undefined || optimizer.clipvalue !== undefined || optimizer.globalClipnorm !== undefined) unsupported('TF.js optimizers do not clip gradients');
  if (optimizer.weightDecay !== undefined && optimizer.weightDecay !== 0) unsupported('TF.js optimizers have no weight decay');
  const learningRate = optimizer.learningRate;
  if (optimizer instanceof SGD) {
    if (optimizer.momentum === 0) return { class_name: 'SGD', config: { learningRate } };
    return { class_name: 'Momentum', config: { learningRate, momentum: optimizer.momentum, useNesterov: optimizer.nesterov } };
  }
  if (optimizer instanceof RMSprop) {
    return { class_name: 'RMSProp', config: { learningRate, decay: optimizer.rho, momentum: optimizer.momentum, epsilon: optimizer.epsilon, centered: optimizer.centered } };
  }
  if (optimizer instanceof Adam && optimizer.className === 'Adam') {
    if (optimizer.amsgrad) unsupported('TF.js has no AMSGrad');
    return { class_name: 'Adam', config: { learningRate, beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon } };
  }
  if (optimizer instanceof Adamax) return { class_name: 'Adamax', config: { learningRate, beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon, decay: 0 } };
  if (optimizer instanceof Adagrad) return { class_name: 'Adagrad', config: { learningRate, initialAccumulatorValue: optimizer.initialAccumulatorValue } };
  if (optimizer instanceof Adadelta) return { class_name: 'Adadelta', config: { learningRate, rho: optimizer.rho, epsilon: optimizer.epsilon } };
  return unsupported('tfjs-layers has no such optimizer');
}

/** TF.js's `trainingConfig` and optimizer weights for a compiled model; `null` when it is not compiled. */
export function trainingToTfjs(
  model: Model,
  names: ReadonlyMap<unknown, string>,
  where: string,
): { trainingConfig: Record<string, unknown>; weights: { spec: TfjsWeightSpec; values: ArrayLike<number> }[] } | null {
  const state = model.compiledState;
  if (state === null) return null;
  const optimizer = state.optimizer;
  const losses = state.losses.map((l) => lossToTfjs(l, where));
  const metrics = state.metricIdentifiers.filter((m): m is string => typeof m === 'string');
  const trainingConfig: Record<string, unknown> = {
    loss: losses.length === 1 ? losses[0] : losses,
    metrics,
    optimizer_config: optimizerToTfjs(optimizer, where),
    ...(state.lossWeights.every((w) => w === 1) ? {} : { loss_weights: state.lossWeights.slice() }),
  };
  if (optimizer.iterations === 0) return { trainingConfig, weights: [] };
  const trainable = model.trainableWeights;
  const saved = optimizer.getWeights();
  try {
    const [iterations, ...slots] = saved;
    const kinds = slotKinds(optimizer);
    const n = trainable.length;
    const weights: { spec: TfjsWeightSpec; values: ArrayLike<number> }[] = [
      { spec: { name: 'iter', shape: [], dtype: 'int32', group: 'optimizer' }, values: (iterations as Tensor).dataSync() },
    ];
    let next = 0;
    kinds.tfjs.forEach((kind, k) => {
      trainable.forEach((w) => {
        const spec: TfjsWeightSpec = { name: `${names.get(w) ?? w.name}/${kind}`, shape: w.shape.slice(), dtype: 'float32', group: 'optimizer' };
        if (kinds.strata[k] !== true) {
          weights.push({ spec, values: new Float32Array(w.size) });
          return;
        }
        const slot = slots[next++] as Tensor;
        const values = slot.dataSync() as Float32Array;
        weights.push({ spec, values: optimizer instanceof SGD ? values.map((v) => -v / optimizer.learningRate) : values });
      });
    });
    if (next !== slots.length || kinds.strata.filter(Boolean).length * n !== slots.length) {
      throw new UnsupportedFeatureError(`${where}: the ${optimizer.className} state (${slots.length} slots for ${n} trainable weights) has no TF.js layout`);
    }
    return { trainingConfig, weights };
  } finally {
    saved.forEach((t) => t.dispose());
  }
}
