/**
 * Keras's fuzz factor (`keras.backend.epsilon()`): probabilities are clipped to `[EPSILON, 1 - EPSILON]`
 * before a logarithm so that a confident wrong prediction gives a large finite loss, not `Infinity`.
 */
export const EPSILON = 1e-7;
