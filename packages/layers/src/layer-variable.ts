import { tf, Tensor, shapeMismatch } from '@strata-ml/core';
import type { Constraint } from './constraints/constraint';
import type { Regularizer } from './regularizers/regularizer';

/** Arguments of {@link LayerVariable}. */
export interface LayerVariableArgs {
  /** The weight's name inside its layer (`'kernel'`). */
  name: string;
  /** The layer-qualified name (`'dense_1/kernel'`). */
  path: string;
  /** The tfjs variable holding the value. */
  variable: tf.Variable;
  /** Whether training updates it (default true). */
  trainable?: boolean;
  /** A penalty on the weight, added to the loss. */
  regularizer?: Regularizer | null;
  /** A projection applied after each optimizer step. */
  constraint?: Constraint | null;
}

/** A weight of a layer: a tfjs variable plus its name, trainability, regularizer and constraint. */
export class LayerVariable {
  /** The weight's name inside its layer (`'kernel'`). */
  readonly name: string;
  /** The layer-qualified name (`'dense_1/kernel'`). */
  readonly path: string;
  /** The tfjs variable; its own `name` is globally unique. */
  readonly variable: tf.Variable;
  /** A penalty on the weight, added to the loss. */
  readonly regularizer: Regularizer | undefined;
  /** A projection applied after each optimizer step. */
  readonly constraint: Constraint | undefined;

  constructor(args: LayerVariableArgs) {
    this.name = args.name;
    this.path = args.path;
    this.variable = args.variable;
    this.regularizer = args.regularizer ?? undefined;
    this.constraint = args.constraint ?? undefined;
    this.variable.trainable = args.trainable ?? true;
  }

  /** Whether training updates this weight. */
  get trainable(): boolean {
    return this.variable.trainable;
  }
  set trainable(value: boolean) {
    this.variable.trainable = value;
  }

  /** The weight's shape. */
  get shape(): number[] {
    return this.variable.shape;
  }

  /** The number of scalars in the weight. */
  get size(): number {
    return this.variable.size;
  }

  /** Replaces the value; the new value must have the same shape. */
  assign(value: Tensor): void {
    if (!tf.util.arraysEqual(value.shape, this.variable.shape)) {
      throw shapeMismatch(`LayerVariable '${this.path}'`, 'value of shape', `[${this.variable.shape.join(', ')}]`, value.shape);
    }
    if (value.dtype === this.variable.dtype) {
      this.variable.assign(value);
      return;
    }
    const cast = tf.cast(value, this.variable.dtype);
    this.variable.assign(cast);
    cast.dispose();
  }

  /** Frees the variable's memory. */
  dispose(): void {
    this.variable.dispose();
  }
}
