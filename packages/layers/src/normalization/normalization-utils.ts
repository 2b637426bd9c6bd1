import { tf, Tensor, invalidArgument, shapeMismatch } from '@strata-ml/core';
import type { Shape } from '../shape';

/**
 * Resolves the normalized axes (negative ones count from the end) against an input of `shape`, checks
 * that they exist, are not the batch axis, and have known sizes; returns them sorted, non-negative.
 */
export function resolveAxes(where: string, axes: readonly number[], shape: Shape): number[] {
  const rank = shape.length;
  const resolved = axes.map((a) => (a < 0 ? rank + a : a));
  resolved.forEach((a, i) => {
    if (a <= 0 || a >= rank) throw invalidArgument(where, 'axis', `a non-batch axis of inputs of rank ${rank}`, axes[i]);
    if (shape[a] == null) throw shapeMismatch(where, 'input', `a known size on axis ${axes[i]}`, shape);
  });
  return [...new Set(resolved)].sort((a, b) => a - b);
}

/** Checks an `axis` argument (an integer or a non-empty list of integers) and returns it as a list. */
export function normalizeAxisArg(where: string, axis: number | number[]): number[] {
  const list = typeof axis === 'number' ? [axis] : Array.isArray(axis) ? axis.slice() : [];
  if (list.length === 0 || !list.every((a) => Number.isInteger(a))) {
    throw invalidArgument(where, 'axis', 'an integer or a non-empty array of integers', axis);
  }
  return list;
}

/**
 * `(x − mean) / sqrt(variance + epsilon) · gamma + beta`, all broadcast against `x`. Written out (rather
 * than tfjs's `batchNorm`) so that it works at any rank with a plain gradient.
 */
export function normalize(x: Tensor, mean: Tensor, variance: Tensor, gamma: Tensor | null, beta: Tensor | null, epsilon: number): Tensor {
  return tf.tidy(() => {
    let y = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon)));
    if (gamma) y = tf.mul(y, gamma);
    if (beta) y = tf.add(y, beta);
    return y;
  });
}
