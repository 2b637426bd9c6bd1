/**
 * Kernels tfjs-core does not declare, which the cuda backend adds: random tensors drawn on the device and
 * fused optimizer updates. Run them with `tf.engine().runKernel(name, inputs, attrs)` where
 * `tf.getKernel(name, tf.getBackend())` exists, and fall back to tfjs-core ops elsewhere.
 */

/** Uniform floats in [minval, maxval). Attrs: {@link RandomUniformAttrs}. No inputs. */
export const StrataRandomUniform = 'StrataRandomUniform';
/** Normal floats. Attrs: {@link RandomNormalAttrs}. No inputs. */
export const StrataRandomNormal = 'StrataRandomNormal';
/** Normal floats redrawn until within two standard deviations. Attrs: {@link RandomNormalAttrs}. */
export const StrataTruncatedNormal = 'StrataTruncatedNormal';
/** One Adam step. Inputs {variable, m, v, gradient}; attrs {@link AdamAttrs}; outputs [variable, m, v]. */
export const StrataApplyAdam = 'StrataApplyAdam';
/** One SGD step. Inputs {variable, gradient, velocity?}; attrs {@link SgdAttrs}; outputs [variable, velocity?]. */
export const StrataApplySgd = 'StrataApplySgd';
/**
 * One RMSprop step. Inputs {variable, ms, gradient, mom?, mg?}; attrs {@link RmspropAttrs};
 * outputs [variable, ms, mom?, mg?] (mom when momentum > 0, mg when centered).
 */
export const StrataApplyRmsprop = 'StrataApplyRmsprop';

/** Attributes of StrataRandomUniform. */
export interface RandomUniformAttrs {
  shape: number[];
  minval: number;
  maxval: number;
  /** A non-negative integer below 2^53, e.g. from core's `nextSeed()`. */
  seed: number;
}

/** Attributes of StrataRandomNormal and StrataTruncatedNormal. */
export interface RandomNormalAttrs {
  shape: number[];
  mean: number;
  stdDev: number;
  seed: number;
}

/** Attributes of StrataApplyAdam: Keras's Adam with bias correction from beta1^t and beta2^t. */
export interface AdamAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** beta1 to the power of the step number t (t counts from 1). */
  beta1Power: number;
  beta2Power: number;
}

/** Attributes of StrataApplySgd (Keras's SGD; momentum 0 needs no velocity input). */
export interface SgdAttrs {
  learningRate: number;
  momentum: number;
  nesterov: boolean;
}

/** Attributes of StrataApplyRmsprop (Keras's RMSprop). */
export interface RmspropAttrs {
  learningRate: number;
  rho: number;
  momentum: number;
  epsilon: number;
  centered: boolean;
}
