/**
 * @strata-ml/optimizers — Keras's optimizers over tfjs-core: a base class owning iterations, learning-rate
 * schedules, clipping, weight decay and per-variable slots; SGD, Adam, RMSprop, Adagrad, Adadelta,
 * Adamax, Nadam, AdamW; learning-rate schedules; `getOptimizer`.
 */
export { OPTIMIZER_LEGACY_OPTIONS, OPTIMIZER_OPTION_KEYS, Optimizer } from './optimizer';
export type { OptimizerArgs } from './optimizer';
export { SGD } from './sgd';
export type { SGDArgs } from './sgd';
export { Adam } from './adam';
export type { AdamArgs } from './adam';
export { RMSprop } from './rmsprop';
export type { RMSpropArgs } from './rmsprop';
export { Adagrad } from './adagrad';
export type { AdagradArgs } from './adagrad';
export { Adadelta } from './adadelta';
export type { AdadeltaArgs } from './adadelta';
export { Adamax } from './adamax';
export type { AdamaxArgs } from './adamax';
export { Nadam } from './nadam';
export type { NadamArgs } from './nadam';
export { AdamW } from './adamw';
export type { AdamWArgs } from './adamw';
export { getOptimizer, optimizerNames } from './get-optimizer';
export type { SerializedOptimizer } from './get-optimizer';
export { LearningRateSchedule } from './schedules/learning-rate-schedule';
export { ExponentialDecay } from './schedules/exponential-decay';
export type { ExponentialDecayArgs } from './schedules/exponential-decay';
export { InverseTimeDecay } from './schedules/inverse-time-decay';
export type { InverseTimeDecayArgs } from './schedules/inverse-time-decay';
export { PiecewiseConstantDecay } from './schedules/piecewise-constant-decay';
export type { PiecewiseConstantDecayArgs } from './schedules/piecewise-constant-decay';
export { CosineDecay } from './schedules/cosine-decay';
export type { CosineDecayArgs } from './schedules/cosine-decay';
export { serializeSchedule, deserializeSchedule } from './schedules/serialize-schedule';
export type { SerializedSchedule } from './schedules/serialize-schedule';
