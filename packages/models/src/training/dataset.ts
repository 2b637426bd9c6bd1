import { tf, Tensor, ShapeError, ValueError, formatShape, globalRandom, invalidArgument } from '@strata/core';
import type { Shape } from '@strata/layers';

type Rows = Float32Array | Int32Array;

/** One batch: model inputs, optional targets (one tensor per model input and output), and its sample count. */
export interface Batch {
  x: Tensor[];
  y: Tensor[] | null;
  size: number;
}

/** One array of samples: its values row after row, the shape of one sample, and its dtype. */
interface Column {
  rows: Rows;
  sampleShape: number[];
  dtype: 'float32' | 'int32';
}

function inputColumn(t: Tensor): Column {
  // Integer-valued inputs (raw pixels) are fed to float layers as float32, as Keras autocasts.
  const data = t.dataSync();
  const rows = data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
  return { rows, sampleShape: t.shape.slice(1), dtype: 'float32' };
}

function targetColumn(t: Tensor): Column {
  // Integer targets stay int32 for sparse losses.
  const data = t.dataSync();
  const rows = data instanceof Int32Array ? data : data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
  return { rows, sampleShape: t.shape.slice(1), dtype: rows instanceof Int32Array ? 'int32' : 'float32' };
}

function asList(where: string, name: string, value: Tensor | Tensor[]): Tensor[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw invalidArgument(where, name, 'a Tensor or a non-empty array of Tensors', value);
  list.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw invalidArgument(where, list.length > 1 ? `${name}[${i}]` : name, 'a Tensor', t);
    if (t.rank < 1) throw new ShapeError(`${where}: ${name} must have a batch axis; received shape ${formatShape(t.shape)}`);
  });
  return list;
}

/**
 * In-memory samples — one or more input arrays and optional target arrays — read once from their tensors
 * into typed arrays, from which batches are cut by copying rows. On the WASM backend this is far cheaper
 * than `tf.gather` on the device.
 */
export class ArrayDataset {
  /** The number of samples. */
  readonly size: number;
  private readonly xs: Column[];
  private readonly ys: Column[] | null;

  private constructor(xs: Column[], ys: Column[] | null, size: number) {
    this.xs = xs;
    this.ys = ys;
    this.size = size;
  }

  /**
   * Reads `x` (and `y`) back once: a tensor or a list of tensors each. Throws a `ValueError` naming `where`
   * when they hold different numbers of samples.
   */
  static fromTensors(where: string, x: Tensor | Tensor[], y: Tensor | Tensor[] | null | undefined): ArrayDataset {
    const xs = asList(where, 'x', x);
    const ys = y == null ? null : asList(where, 'y', y);
    const first = xs[0] as Tensor;
    const n = first.shape[0] as number;
    if (n === 0) throw new ValueError(`${where}: x has no samples; received shape ${formatShape(first.shape)}`);
    const named = (list: Tensor[], name: string): [string, Tensor][] => list.map((t, i) => [list.length > 1 ? `${name}[${i}]` : name, t]);
    for (const [name, t] of [...named(xs, 'x'), ...named(ys ?? [], 'y')]) {
      if (t.shape[0] !== n) {
        const firstName = xs.length > 1 ? 'x[0]' : 'x';
        throw new ValueError(
          `${where}: ${firstName} and ${name} must have the same number of samples; received ${firstName} with ${n} samples ` +
            `(shape ${formatShape(first.shape)}) and ${name} with ${t.shape[0] ?? 0} samples (shape ${formatShape(t.shape)})`,
        );
      }
    }
    return new ArrayDataset(xs.map(inputColumn), ys === null ? null : ys.map(targetColumn), n);
  }

  /** Whether targets are present. */
  get hasTargets(): boolean {
    return this.ys !== null;
  }

  /** The shapes of the inputs, batch axis unknown. */
  get xShapes(): Shape[] {
    return this.xs.map((c) => [null, ...c.sampleShape]);
  }

  /** The shapes of the targets, batch axis unknown (none without targets). */
  get yShapes(): Shape[] {
    return (this.ys ?? []).map((c) => [null, ...c.sampleShape]);
  }

  /** Target array `i` as a typed array (for one-off checks such as sparse label ranges). */
  targets(i: number): Rows | null {
    return this.ys?.[i]?.rows ?? null;
  }

  /**
   * Splits off the last `fraction` of the samples, before any shuffling, as Keras's `validation_split`
   * does: returns `[train, validation]`.
   */
  split(fraction: number): [ArrayDataset, ArrayDataset] {
    const nVal = Math.floor(this.size * fraction);
    const nTrain = this.size - nVal;
    if (nTrain === 0 || nVal === 0) {
      throw new ValueError(`fit: validationSplit=${fraction} leaves an empty training or validation set for ${this.size} samples`);
    }
    return [this.slice(0, nTrain), this.slice(nTrain, this.size)];
  }

  private slice(start: number, end: number): ArrayDataset {
    const cut = (c: Column): Column => {
      const row = c.rows.length / this.size;
      return { ...c, rows: c.rows.subarray(start * row, end * row) };
    };
    return new ArrayDataset(this.xs.map(cut), this.ys?.map(cut) ?? null, end - start);
  }

  /** The number of batches of `batchSize` (the last may be smaller). */
  numBatches(batchSize: number): number {
    return Math.ceil(this.size / batchSize);
  }

  /** The sample order for an epoch: shuffled with core's `globalRandom()` when asked, else in order. */
  order(shuffle: boolean): Uint32Array {
    const idx = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i++) idx[i] = i;
    return shuffle ? globalRandom().shuffle(idx) : idx;
  }

  /** Builds batch `b` of the given order as fresh tensors (the caller disposes them). */
  batch(order: Uint32Array, b: number, batchSize: number): Batch {
    const start = b * batchSize;
    const end = Math.min(start + batchSize, this.size);
    const size = end - start;
    const cut = (c: Column): Tensor => {
      const row = c.rows.length / this.size;
      const out = c.dtype === 'int32' ? new Int32Array(size * row) : new Float32Array(size * row);
      return tf.tensor(gatherRows(c.rows, order, start, end, this.size, out), [size, ...c.sampleShape], c.dtype);
    };
    return { x: this.xs.map(cut), y: this.ys?.map(cut) ?? null, size };
  }
}

/** Copies rows `order[start..end)` of `src` (n rows) into `out`, contiguously when the order is. */
function gatherRows<T extends Rows>(src: Rows, order: Uint32Array, start: number, end: number, n: number, out: T): T {
  const row = src.length / n;
  const first = order[start] as number;
  if (order[end - 1] === first + (end - start - 1) && isRun(order, start, end)) {
    out.set(src.subarray(first * row, (first + end - start) * row));
    return out;
  }
  for (let i = start; i < end; i++) {
    const r = order[i] as number;
    out.set(src.subarray(r * row, (r + 1) * row), (i - start) * row);
  }
  return out;
}

function isRun(order: Uint32Array, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (order[i] !== (order[i - 1] as number) + 1) return false;
  return true;
}
