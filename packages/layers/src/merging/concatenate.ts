import { tf, Tensor, ShapeError, invalidArgument, formatShape, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import type { Shape } from '../shape';
import { Merge, type MergeArgs } from './merge';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Concatenate}. */
export interface ConcatenateArgs extends MergeArgs {
  /** The axis joined along (default -1); every other axis must match. */
  axis?: number;
}

const CONCATENATE_OPTIONS = defineOptions<ConcatenateArgs>('Concatenate', { ...LAYER_OPTION_KEYS, axis: true });

/**
 * Joins its inputs along `axis`; they must have the same rank and the same sizes on every other axis.
 *
 * ```ts
 * const merged = new Concatenate().apply([left, right]); // [b, 8] and [b, 4] → [b, 12]
 * ```
 */
export class Concatenate extends Merge {
  static override readonly className: string = 'Concatenate';
  readonly axis: number;

  constructor(args: ConcatenateArgs = {}) {
    super(CONCATENATE_OPTIONS.check(args));
    const axis = args.axis ?? -1;
    if (!Number.isInteger(axis)) throw invalidArgument('Concatenate', 'axis', 'an integer', args.axis);
    this.axis = axis;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = this.checkInputList(inputShape);
    const rank = (shapes[0] as Shape).length;
    const axis = this.axis < 0 ? rank + this.axis : this.axis;
    const fail = (why: string): ShapeError =>
      new ShapeError(`${this.where}: ${why}; received shapes ${shapes.map(formatShape).join(', ')}`);
    if (shapes.some((s) => s.length !== rank)) throw fail('inputs must have the same rank');
    if (axis < 0 || axis >= rank) throw fail(`axis ${this.axis} is out of range for inputs of rank ${rank}`);
    const out: Shape = [];
    for (let a = 0; a < rank; a++) {
      const dims = shapes.map((s) => s[a] ?? null);
      if (a === axis) {
        out.push(dims.some((d) => d === null) ? null : dims.reduce((p: number, d) => p + (d as number), 0));
        continue;
      }
      const known = dims.filter((d): d is number => d !== null);
      if (new Set(known).size > 1) throw fail(`inputs must match on every axis but the concatenation axis ${this.axis}`);
      out.push(known[0] ?? null);
    }
    return out;
  }

  protected merge(inputs: Tensor[]): Tensor {
    return tf.concat(inputs, this.axis < 0 ? (inputs[0] as Tensor).rank + this.axis : this.axis);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}

registerLayer(Concatenate.className, Concatenate);
