import { tf, Tensor, ShapeError, ValueError, formatShape, globalRandom, invalidArgument } from '@strata-ml/core';
import type { Shape } from '@strata-ml/layers';

type Rows = Float32Array | Int32Array;

/** One batch: model inputs, optional targets (one tensor per model input and output), and its sample count. */
export interface Batch {
  x: Tensor[];
  y: Tensor[] | null;
  size: number;
}

/**
 * One array of samples: the tensor batches are cut from, the shape of one sample, and the cast this
 * dataset made of the given tensor (disposed with the dataset), if any.
 */
interface Column {
  tensor: Tensor;
  sampleShape: number[];
  cast: Tensor | null;
}

function column(given: Tensor, dtype: 'float32' | null): Column {
  const cast = dtype !== null && given.dtype !== dtype ? tf.cast(given, dtype) : null;
  return { tensor: cast ?? given, sampleShape: given.shape.slice(1), cast };
}

function inputColumn(t: Tensor): Column {
  // Integer-valued inputs (raw pixels) are fed to float layers as float32, as Keras autocasts: once, here.
  return column(t, 'float32');
}

function targetColumn(t: Tensor): Column {
  // Integer targets stay int32 for sparse losses; any other non-float32 targets become float32.
  return column(t, t.dtype === 'int32' ? null : 'float32');
}

function asList(where: string, name: string, value: Tensor | Tensor[]): Tensor[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw invalidArgument(where, name, 'a Tensor or a non-empty array of Tensors', value);
  list.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw invalidArgument(where, list.length > 1 ? `${name}[${i}]` : name, 'a Tensor', t);
    if (t.rank < 1) throw new ShapeError(`${where}: ${name} must have a batch axis; received shape ${formatShape(t.shape)}`);
    // Fail at the start, not at the first batch, as reading the samples back used to.
    t.throwIfDisposed();
  });
  return list;
}

/**
 * In-memory samples — one or more input arrays and optional target arrays — kept as the tensors they were
 * given in (integer inputs cast to float32 once). Each batch is gathered from them on the backend with
 * `tf.gather` and a small int32 tensor of the batch's sample indices, so the samples are never read back
 * to JavaScript: on wasm that was a copy of the whole set (188 MB for the MNIST images) per `fit`,
 * `evaluate` or `predict`, plus a JavaScript copy and an upload per batch. The wasm backend's `GatherV2`
 * copies whole rows in one block each (~0.015 ms for 128 rows of 784 floats).
 * A dataset that cast its tensors owns the casts: call {@link ArrayDataset.dispose} when done.
 */
export class ArrayDataset {
  /** The number of samples. */
  readonly size: number;
  private readonly xs: Column[];
  private readonly ys: Column[] | null;
  /** The index of this dataset's first sample in its columns (a validation split shares its columns). */
  private readonly first: number;

  private constructor(xs: Column[], ys: Column[] | null, first: number, size: number) {
    this.xs = xs;
    this.ys = ys;
    this.first = first;
    this.size = size;
  }

  /**
   * The samples of `x` (and `y`): a tensor or a list of tensors each, which must stay undisposed while the
   * dataset is used. Throws a `ValueError` naming `where` when they hold different numbers of samples.
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
    return new ArrayDataset(xs.map(inputColumn), ys === null ? null : ys.map(targetColumn), 0, n);
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

  /**
   * The input tensors of all samples as batches see them (integer inputs cast to float32), for running the
   * model on the whole dataset as one batch; not for a dataset split off another.
   */
  get inputs(): Tensor[] {
    return this.xs.map((c) => {
      if (this.first !== 0 || this.size !== c.tensor.shape[0]) throw new ValueError('ArrayDataset.inputs: the dataset is part of a split');
      return c.tensor;
    });
  }

  /**
   * Target array `i` of this dataset's samples, read back to a typed array (for one-off checks such as
   * sparse label ranges), or null without targets.
   */
  targets(i: number): Rows | null {
    const c = this.ys?.[i];
    if (c === undefined) return null;
    const all = c.tensor.dataSync() as Rows;
    const row = all.length / (c.tensor.shape[0] as number);
    return all.subarray(this.first * row, (this.first + this.size) * row);
  }

  /**
   * Splits off the last `fraction` of the samples, before any shuffling, as Keras's `validation_split`
   * does: returns `[train, validation]`, which share this dataset's tensors (dispose this one when done).
   */
  split(fraction: number): [ArrayDataset, ArrayDataset] {
    const nVal = Math.floor(this.size * fraction);
    const nTrain = this.size - nVal;
    if (nTrain === 0 || nVal === 0) {
      throw new ValueError(`fit: validationSplit=${fraction} leaves an empty training or validation set for ${this.size} samples`);
    }
    return [new ArrayDataset(this.xs, this.ys, this.first, nTrain), new ArrayDataset(this.xs, this.ys, this.first + nTrain, nVal)];
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

  /** Gathers batch `b` of the given order as fresh tensors on the backend (the caller disposes them). */
  batch(order: Uint32Array, b: number, batchSize: number): Batch {
    const start = b * batchSize;
    const end = Math.min(start + batchSize, this.size);
    const size = end - start;
    const rows = new Int32Array(size);
    for (let i = 0; i < size; i++) rows[i] = this.first + (order[start + i] as number);
    const [x, y] = tf.tidy(() => {
      const indices = tf.tensor1d(rows, 'int32');
      const cut = (c: Column): Tensor => tf.gather(c.tensor, indices);
      return [this.xs.map(cut), (this.ys ?? []).map(cut)];
    });
    return { x, y: this.ys === null ? null : y, size };
  }

  /** Disposes the casts this dataset made (not the tensors it was given); it cannot cut batches after. */
  dispose(): void {
    for (const c of [...this.xs, ...(this.ys ?? [])]) c.cast?.dispose();
  }
}
