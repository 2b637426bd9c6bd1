import { tf, Tensor, ShapeError, ValueError, formatShape } from '@strata-ml/core';
import { Layer, type CallArgs, type LayerArgs } from '../layer';
import { isShapeList, type Shape } from '../shape';
import type { SymbolicTensor } from '../symbolic-tensor';

/** Arguments of the merging layers. */
export type MergeArgs = LayerArgs;

/**
 * What the merging layers share: a list of inputs combined into one output by `merge`, and `apply` typed
 * accordingly (a list in, one tensor out). By default the inputs must have equal rank and broadcast (each
 * axis equal, or 1 in all but one input), as the element-wise layers Add, Subtract, Multiply, Average,
 * Maximum and Minimum need; Concatenate and Dot override `computeOutputShape`.
 */
export abstract class Merge extends Layer {
  /** How many inputs the layer takes: exact (Subtract: 2) or the least. */
  protected readonly inputCount: { exact?: number; min: number } = { min: 1 };

  constructor(args: MergeArgs = {}) {
    super(args);
  }

  /** Combines all inputs into one tensor. */
  protected abstract merge(inputs: Tensor[]): Tensor;

  /** Merges a list of tensors into one (or, given symbolic tensors, records the call); see `Layer.apply`. */
  override apply(inputs: Tensor, kwargs?: CallArgs): Tensor;
  override apply(inputs: SymbolicTensor, kwargs?: CallArgs): SymbolicTensor;
  override apply(inputs: Tensor[], kwargs?: CallArgs): Tensor;
  override apply(inputs: SymbolicTensor[], kwargs?: CallArgs): SymbolicTensor;
  override apply(
    inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[],
    kwargs: CallArgs = {},
  ): Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[] {
    return super.apply(inputs as Tensor[], kwargs);
  }

  /** Throws a `ValueError` naming the layer unless `inputShape` is a list of the right length. */
  protected checkInputList(inputShape: Shape | Shape[]): Shape[] {
    if (!isShapeList(inputShape)) {
      throw new ValueError(`${this.where}: expects a list of input tensors, received one tensor of shape ${formatShape(inputShape)}`);
    }
    const { exact, min } = this.inputCount;
    if (exact !== undefined ? inputShape.length !== exact : inputShape.length < min) {
      const expected = exact !== undefined ? `exactly ${exact}` : `at least ${min}`;
      throw new ValueError(`${this.where}: expects ${expected} inputs, received ${inputShape.length}: ${inputShape.map(formatShape).join(', ')}`);
    }
    return inputShape;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.computeOutputShape(inputShape);
    super.build(inputShape);
  }

  /** The broadcast shape of the inputs; throws a `ShapeError` listing every input shape when they clash. */
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = this.checkInputList(inputShape);
    const rank = (shapes[0] as Shape).length;
    const fail = (): ShapeError =>
      new ShapeError(`${this.where}: inputs must have broadcast-compatible shapes; received shapes ${shapes.map(formatShape).join(', ')}`);
    if (shapes.some((s) => s.length !== rank)) throw fail();
    const out: Shape = [];
    for (let axis = 0; axis < rank; axis++) {
      const known = shapes.map((s) => s[axis] ?? null).filter((d): d is number => d !== null && d !== 1);
      if (new Set(known).size > 1) throw fail();
      out.push(known[0] ?? (shapes.some((s) => s[axis] == null) ? null : 1));
    }
    return out;
  }

  call(inputs: Tensor | Tensor[]): Tensor {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    this.computeOutputShape(list.map((t) => t.shape));
    return tf.tidy(() => this.merge(list));
  }
}
