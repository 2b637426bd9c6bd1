import { tf, Tensor, ShapeError, invalidArgument, formatShape, defineOptions } from '@strata-ml/core';
import { registerLayer } from '../registry';
import type { Shape } from '../shape';
import { Merge, type MergeArgs } from './merge';
import { LAYER_OPTION_KEYS } from '../layer-options';

/** Arguments of {@link Dot} (besides `axes`). */
export interface DotArgs extends MergeArgs {
  /** L2-normalize both inputs along the dot axes first, so that the result is the cosine similarity (default false). */
  normalize?: boolean;
}

const DOT_OPTIONS = defineOptions<DotArgs>('Dot', { ...LAYER_OPTION_KEYS, normalize: true });

/**
 * The per-sample dot product of two inputs of rank 2 or 3, contracting axis `axes[0]` of the first with
 * axis `axes[1]` of the second (a single number contracts the same axis of both; axes count the batch axis
 * as 0). `[b, n]·[b, n]` → `[b, 1]`; `[b, m, n]·[b, n, k]` with `axes: [2, 1]` → `[b, m, k]`.
 *
 * ```ts
 * const similarity = new Dot(1, { normalize: true }).apply([u, v]);
 * ```
 */
export class Dot extends Merge {
  static override readonly className: string = 'Dot';
  protected override readonly inputCount = { exact: 2, min: 2 };
  /** The contracted axis of each input, as given. */
  readonly axes: [number, number];
  readonly normalize: boolean;

  constructor(axes: number | [number, number], args: DotArgs = {}) {
    super(DOT_OPTIONS.check(args));
    const list = typeof axes === 'number' ? [axes, axes] : axes;
    if (!Array.isArray(list) || list.length !== 2 || !list.every((a) => Number.isInteger(a))) {
      throw invalidArgument('Dot', 'axes', 'an integer or an array of two integers', axes);
    }
    this.axes = [list[0] as number, list[1] as number];
    this.normalize = args.normalize ?? false;
  }

  /** Checks the two shapes and returns the contracted axes, made non-negative. */
  private resolve(inputShape: Shape | Shape[]): [Shape, Shape, number, number] {
    const [a, b] = this.checkInputList(inputShape) as [Shape, Shape];
    const shapes = `received shapes ${formatShape(a)} and ${formatShape(b)}`;
    if (![2, 3].includes(a.length) || ![2, 3].includes(b.length)) {
      throw new ShapeError(`${this.where}: inputs must have rank 2 or 3; ${shapes}`);
    }
    const ax = this.axes[0] < 0 ? a.length + this.axes[0] : this.axes[0];
    const ay = this.axes[1] < 0 ? b.length + this.axes[1] : this.axes[1];
    if (ax < 1 || ax >= a.length || ay < 1 || ay >= b.length) {
      throw new ShapeError(`${this.where}: axes [${this.axes.join(', ')}] must name non-batch axes of the inputs; ${shapes}`);
    }
    const [da, db] = [a[ax], b[ay]];
    if (da != null && db != null && da !== db) {
      throw new ShapeError(`${this.where}: the dot axes must have equal sizes (axis ${ax}: ${da}, axis ${ay}: ${db}); ${shapes}`);
    }
    return [a, b, ax, ay];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [a, b, ax, ay] = this.resolve(inputShape);
    const rest = [...a.filter((_, i) => i !== 0 && i !== ax), ...b.filter((_, i) => i !== 0 && i !== ay)];
    return [a[0] ?? b[0] ?? null, ...(rest.length === 0 ? [1] : rest)];
  }

  protected merge(inputs: Tensor[]): Tensor {
    const shapes = inputs.map((t) => t.shape);
    const [, , ax, ay] = this.resolve(shapes);
    let [x, y] = inputs as [Tensor, Tensor];
    if (this.normalize) [x, y] = [l2Normalize(x, ax), l2Normalize(y, ay)];
    // Bring both to a batched matrix product [b, p, n] · [b, n, q].
    const x3 = x.rank === 2 ? tf.expandDims(x, 1) : ax === 2 ? x : tf.transpose(x, [0, 2, 1]);
    const y3 = y.rank === 2 ? tf.expandDims(y, 2) : ay === 1 ? y : tf.transpose(y, [0, 2, 1]);
    return tf.reshape(tf.matMul(x3 as tf.Tensor3D, y3 as tf.Tensor3D), this.computeOutputShape(shapes) as number[]);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axes: this.axes.slice(), normalize: this.normalize };
  }

  static override fromConfig(config: Record<string, unknown>): Dot {
    const { axes, ...rest } = config;
    return new Dot(axes as [number, number], rest as DotArgs);
  }
}

/** `x / sqrt(max(sum(x², axis), 1e-12))`, as Keras's `l2_normalize`. */
function l2Normalize(x: Tensor, axis: number): Tensor {
  return tf.mul(x, tf.rsqrt(tf.maximum(tf.sum(tf.square(x), axis, true), 1e-12)));
}

registerLayer(Dot.className, Dot);
