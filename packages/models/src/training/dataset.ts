import { tf, Tensor, ShapeError, ValueError, formatShape, globalRandom, invalidArgument } from '@strata/core';

type Rows = Float32Array | Int32Array;

/** One batch: model inputs, optional targets, and how many samples it holds. */
export interface Batch {
  x: Tensor;
  y: Tensor | null;
  size: number;
}

function toRows(t: Tensor): Rows {
  // Integer-valued inputs (raw pixels) are fed to float layers as float32, as Keras autocasts; integer
  // targets stay int32 for sparse losses.
  const data = t.dataSync();
  return data instanceof Int32Array ? data : data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
}

/**
 * In-memory samples (x and optional y) read once from their tensors into typed arrays, from which batches
 * are cut by copying rows. On the WASM backend this is far cheaper than `tf.gather` on the device.
 */
export class ArrayDataset {
  /** The number of samples. */
  readonly size: number;
  private readonly xRows: Float32Array;
  private readonly yRows: Rows | null;
  private readonly xSampleShape: number[];
  private readonly ySampleShape: number[];
  private readonly yDtype: 'float32' | 'int32';

  private constructor(x: Float32Array, xShape: number[], y: Rows | null, yShape: number[], yDtype: 'float32' | 'int32', size: number) {
    this.xRows = x;
    this.xSampleShape = xShape;
    this.yRows = y;
    this.ySampleShape = yShape;
    this.yDtype = yDtype;
    this.size = size;
  }

  /**
   * Reads `x` (and `y`) back once. Throws a `ValueError` naming `where` when they hold different numbers of
   * samples.
   */
  static fromTensors(where: string, x: Tensor, y: Tensor | null | undefined): ArrayDataset {
    if (!(x instanceof Tensor)) throw invalidArgument(where, 'x', 'a Tensor', x);
    if (y != null && !(y instanceof Tensor)) throw invalidArgument(where, 'y', 'a Tensor', y);
    if (x.rank < 1) throw new ShapeError(`${where}: x must have a batch axis; received shape ${formatShape(x.shape)}`);
    const n = x.shape[0] as number;
    if (n === 0) throw new ValueError(`${where}: x has no samples; received shape ${formatShape(x.shape)}`);
    if (y != null && (y.rank < 1 || y.shape[0] !== n)) {
      throw new ValueError(
        `${where}: x and y must have the same number of samples; received x with ${n} samples (shape ${formatShape(x.shape)}) ` +
          `and y with ${y.shape[0] ?? 0} samples (shape ${formatShape(y.shape)})`,
      );
    }
    const xData = x.dataSync();
    const xRows = xData instanceof Float32Array ? xData : Float32Array.from(xData as ArrayLike<number>);
    const yRows = y == null ? null : toRows(y);
    const yDtype = yRows instanceof Int32Array ? 'int32' : 'float32';
    return new ArrayDataset(xRows, x.shape.slice(1), yRows, y == null ? [] : y.shape.slice(1), yDtype, n);
  }

  /** Whether targets are present. */
  get hasTargets(): boolean {
    return this.yRows !== null;
  }

  /** The shape of x with the batch axis unknown. */
  get xShape(): (number | null)[] {
    return [null, ...this.xSampleShape];
  }

  /** The shape of y with the batch axis unknown. */
  get yShape(): (number | null)[] {
    return [null, ...this.ySampleShape];
  }

  /** The targets as a typed array (for one-off checks such as sparse label ranges). */
  get targets(): Rows | null {
    return this.yRows;
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
    const xRow = this.xRows.length / Math.max(1, this.size);
    const yRow = this.yRows ? this.yRows.length / Math.max(1, this.size) : 0;
    return new ArrayDataset(
      this.xRows.subarray(start * xRow, end * xRow),
      this.xSampleShape,
      this.yRows ? this.yRows.subarray(start * yRow, end * yRow) : null,
      this.ySampleShape,
      this.yDtype,
      end - start,
    );
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
    const x = tf.tensor(gatherRows(this.xRows, order, start, end, this.size, new Float32Array(size * (this.xRows.length / this.size))), [size, ...this.xSampleShape], 'float32');
    let y: Tensor | null = null;
    if (this.yRows) {
      const out = this.yRows instanceof Int32Array ? new Int32Array(size * (this.yRows.length / this.size)) : new Float32Array(size * (this.yRows.length / this.size));
      y = tf.tensor(gatherRows(this.yRows, order, start, end, this.size, out), [size, ...this.ySampleShape], this.yDtype);
    }
    return { x, y, size };
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
