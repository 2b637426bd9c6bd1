import { tf, Tensor, ValueError, invalidArgument } from '@strata-ml/core';
import { LayerVariable } from '@strata-ml/layers';

/** What {@link valueAndGrads} returns. */
export interface ValueAndGrads {
  /** The value of the function (a scalar), owned by the caller. */
  value: tf.Scalar;
  /** One gradient per variable, in the order given, owned by the caller; zeros where the value does not depend on it. */
  grads: Tensor[];
}

/**
 * The value of `f` and its gradients with respect to `variables` — TensorFlow's `GradientTape` in one call,
 * so a custom training loop ports directly:
 *
 * ```ts
 * const { value, grads } = valueAndGrads(() => lossFn(y, model.apply(x, { training: true }) as Tensor), model.trainableVariables);
 * optimizer.applyGradients(zip(grads, model.trainableVariables));
 * ```
 *
 * `f` runs once, and its intermediates are freed. Variables may be tfjs variables or layer weights.
 */
export function valueAndGrads(f: () => Tensor, variables: readonly (tf.Variable | LayerVariable)[]): ValueAndGrads {
  if (typeof f !== 'function') throw invalidArgument('valueAndGrads', 'f', 'a function returning a scalar Tensor', f);
  const vars = variables.map((v) => (v instanceof LayerVariable ? v.variable : v));
  if (vars.length === 0) throw new ValueError('valueAndGrads: variables is empty; pass the weights to differentiate, e.g. model.trainableVariables');
  const scalar = (): tf.Scalar => {
    const value = f();
    if (!(value instanceof Tensor) || value.rank !== 0) {
      throw invalidArgument('valueAndGrads', 'f', 'a function returning a scalar Tensor', value instanceof Tensor ? `a Tensor of shape [${value.shape.join(', ')}]` : value);
    }
    return value as tf.Scalar;
  };
  const { value, grads } = tf.variableGrads(scalar, vars);
  // tfjs omits the variables the value does not depend on; TensorFlow returns None for them, and here they
  // get zeros, so that the list lines up with `variables`.
  return { value, grads: vars.map((v) => grads[v.name] ?? tf.zerosLike(v)) };
}

/** Pairs gradients with their variables for `optimizer.applyGradients` (Python's `zip(grads, vars)`). */
export function zip(grads: readonly Tensor[], variables: readonly (tf.Variable | LayerVariable)[]): [Tensor, tf.Variable][] {
  if (grads.length !== variables.length) {
    throw new ValueError(`zip: expected one gradient per variable; received ${grads.length} gradients and ${variables.length} variables`);
  }
  return grads.map((g, i) => {
    const v = variables[i] as tf.Variable | LayerVariable;
    return [g, v instanceof LayerVariable ? v.variable : v];
  });
}
