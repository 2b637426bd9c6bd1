/**
 * Activation functions, with Keras 3's formulas and defaults. Each is an elementwise (or, for softmax,
 * per-row) function of a float tensor that tfjs can differentiate.
 */
import { tf, Tensor } from '@strata-ml/core';

/** An activation: a differentiable function from a tensor to a tensor of the same shape. */
export type ActivationFn = (x: Tensor) => Tensor;

/**
 * SELU's scale λ = 1.0507009873554804934193349852946 (Klambauer et al. 2017, "Self-Normalizing Neural
 * Networks"), as the nearest double.
 */
export const SELU_SCALE = 1.0507009873554805;
/** SELU's α = 1.6732632423543772848170429916717, as the nearest double. */
export const SELU_ALPHA = 1.6732632423543772;

/** Rectified linear unit: `max(x, 0)`. */
export function relu(x: Tensor): Tensor {
  return tf.relu(x);
}

/** `min(max(x, 0), 6)`. */
export function relu6(x: Tensor): Tensor {
  return tf.relu6(x);
}

/** Leaky ReLU: `x` for `x >= 0`, `negativeSlope * x` otherwise. Keras's default slope is 0.2. */
export function leakyRelu(x: Tensor, negativeSlope = 0.2): Tensor {
  return tf.leakyRelu(x, negativeSlope);
}

/** Exponential linear unit: `x` for `x > 0`, `alpha * (exp(x) - 1)` otherwise (Clevert et al. 2015). */
export function elu(x: Tensor, alpha = 1.0): Tensor {
  if (alpha === 1) return tf.elu(x);
  // relu(x) + alpha * (exp(min(x, 0)) - 1): differentiable everywhere except the kink, unlike a select.
  return tf.tidy(() => tf.add(tf.relu(x), tf.mul(alpha, tf.expm1(tf.minimum(x, 0)))));
}

/** Scaled ELU: `SELU_SCALE * elu(x, SELU_ALPHA)`. Use with `lecun_normal` initialisation. */
export function selu(x: Tensor): Tensor {
  return tf.tidy(() => tf.mul(SELU_SCALE, elu(x, SELU_ALPHA)));
}

/** `log(exp(x) + 1)`, computed stably. */
export function softplus(x: Tensor): Tensor {
  return tf.softplus(x);
}

/** `x / (|x| + 1)`. */
export function softsign(x: Tensor): Tensor {
  return tf.tidy(() => tf.div(x, tf.add(tf.abs(x), 1)));
}

/** Logistic sigmoid `1 / (1 + exp(-x))`. */
export function sigmoid(x: Tensor): Tensor {
  return tf.sigmoid(x);
}

/**
 * Piecewise-linear sigmoid, Keras 3's `relu6(x + 3) / 6` (0 below -3, 1 above 3). TF.js and Keras 2 use
 * `0.2 x + 0.5` instead; Keras 3 wins.
 */
export function hardSigmoid(x: Tensor): Tensor {
  return tf.tidy(() => tf.div(tf.relu6(tf.add(x, 3)), 6));
}

/**
 * Keras 2's and TF.js's hard sigmoid, `clip(0.2 x + 0.5, 0, 1)` (0 below -2.5, 1 above 2.5): the default
 * recurrent activation of TF.js's LSTM and GRU, kept so that their models load with the same outputs.
 */
export function legacyHardSigmoid(x: Tensor): Tensor {
  return tf.tidy(() => tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1));
}

/** Hyperbolic tangent. */
export function tanh(x: Tensor): Tensor {
  return tf.tanh(x);
}

/** Softmax along `axis` (default the last): `exp(x) / sum(exp(x), axis)`, computed stably. */
export function softmax(x: Tensor, axis = -1): Tensor {
  if (axis === -1 || axis === x.rank - 1) return tf.softmax(x);
  return tf.tidy(() => tf.exp(tf.sub(x, tf.logSumExp(x, axis, true))));
}

/** Log of softmax along `axis` (default the last): `x - logsumexp(x, axis)`. */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  return tf.tidy(() => tf.sub(x, tf.logSumExp(x, axis, true)));
}

/** The identity (Keras's `linear`, used when a layer has no activation). */
export function linear(x: Tensor): Tensor {
  return x;
}

/** `exp(x)`. */
export function exponential(x: Tensor): Tensor {
  return tf.exp(x);
}

/**
 * Gaussian error linear unit (Hendrycks & Gimpel 2016): exact `0.5 x (1 + erf(x / √2))` by default as in
 * Keras 3, or the tanh approximation `0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))` when `approximate`.
 */
export function gelu(x: Tensor, approximate = false): Tensor {
  return tf.tidy(() => {
    if (approximate) {
      const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
      return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
    }
    return tf.mul(tf.mul(0.5, x), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
  });
}

/** Swish, also called SiLU: `x * sigmoid(x)` (Ramachandran et al. 2017). */
export function swish(x: Tensor): Tensor {
  return tf.tidy(() => tf.mul(x, tf.sigmoid(x)));
}

/** Mish: `x * tanh(softplus(x))` (Misra 2019). */
export function mish(x: Tensor): Tensor {
  return tf.tidy(() => tf.mul(x, tf.tanh(tf.softplus(x))));
}
