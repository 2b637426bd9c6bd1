import { tf, Tensor, RuntimeError, ValueError, invalidArgument, ready } from '@strata/core';
import { Layer, type LayerVariable, type Shape } from '@strata/layers';
import { SparseCategoricalCrossentropy, checkSparseLabels } from '@strata/losses';
import { Mean } from '@strata/metrics';
import type { Optimizer } from '@strata/optimizers';
import type { Callback, Logs } from './callbacks/callback';
import { CallbackList } from './callbacks/callback-list';
import { History } from './callbacks/history';
import { ProgbarLogger } from './callbacks/progbar-logger';
import { formatSummary, type SummaryArgs, type SummaryRow } from './summary';
import { CompiledState, type CompileArgs } from './training/compiled';
import { ArrayDataset } from './training/dataset';
import { evaluateEpoch } from './training/evaluate-loop';
import { fitLoop } from './training/fit-loop';
import { readLogs, resetTrackers } from './training/logs';
import { predictLoop } from './training/predict-loop';
import { predictStep, testStep, trainStep } from './training/steps';

/** Verbosity of `fit`, `evaluate` and `predict`: 0 silent, 1 progress bar, 2 one line per epoch; `'auto'` is 1. */
export type Verbosity = 0 | 1 | 2 | 'auto';

/** Arguments of `model.fit`. */
export interface FitArgs {
  /** The epoch to stop at (default 1). */
  epochs?: number;
  /** Samples per gradient step (default 32). */
  batchSize?: number;
  /** Progress output (default `'auto'`, a progress bar). */
  verbose?: Verbosity;
  /** Callbacks called during training. */
  callbacks?: Callback[];
  /** Fraction of the samples, taken from the end before shuffling, held out for validation. */
  validationSplit?: number;
  /** `[x, y]` to validate on after every epoch (wins over `validationSplit`). */
  validationData?: [Tensor, Tensor];
  /** Batch size for validation (default `batchSize`). */
  validationBatchSize?: number;
  /** Reshuffles the training samples every epoch (default true). */
  shuffle?: boolean;
  /** The epoch to start from, for resuming (default 0). */
  initialEpoch?: number;
}

/** Arguments of `model.evaluate`. */
export interface EvaluateArgs {
  /** Samples per step (default 32). */
  batchSize?: number;
  /** Progress output (default `'auto'`, a progress bar). */
  verbose?: Verbosity;
  /** Callbacks called during evaluation. */
  callbacks?: Callback[];
}

/** Arguments of `model.predict`. */
export interface PredictArgs {
  /** Samples per step (default 32). */
  batchSize?: number;
  /** Progress output (default `'auto'`, a progress bar). */
  verbose?: Verbosity;
  /** Callbacks called during prediction. */
  callbacks?: Callback[];
}

function checkPositiveInt(where: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) throw invalidArgument(where, name, 'a positive integer', value);
}

function resolveVerbose(where: string, verbose: Verbosity | undefined): 0 | 1 | 2 {
  const v = verbose ?? 'auto';
  if (v === 'auto') return 1;
  if (v !== 0 && v !== 1 && v !== 2) throw invalidArgument(where, 'verbose', "0, 1, 2 or 'auto'", verbose);
  return v;
}

/**
 * A layer that can be trained: `compile` chooses the loss, optimizer and metrics; `fit`, `evaluate` and
 * `predict` run the loops. Subclasses (`Sequential`, functional models) define the layers and `call`.
 */
export abstract class Model extends Layer {
  /** Set by a callback to end `fit` after the current batch. */
  stopTraining = false;
  /** The {@link History} of the last `fit`, as Keras's `model.history`. */
  history: History | null = null;
  private compiled: CompiledState | null = null;

  /** The model's layers, in order. */
  abstract get layers(): Layer[];

  /** One row per layer for `summary`, with output shapes. */
  protected abstract summaryRows(): SummaryRow[];

  /** The optimizer chosen by `compile`, or null before. */
  get optimizer(): Optimizer | null {
    return this.compiled?.optimizer ?? null;
  }

  /** Whether `compile` has been called. */
  get isCompiled(): boolean {
    return this.compiled !== null;
  }

  /** Every weight, layer by layer (each layer's trainable weights first), as Keras 3 orders `model.weights`. */
  override get weights(): LayerVariable[] {
    return unique(this.layers.flatMap((l) => l.weights));
  }

  override get trainableWeights(): LayerVariable[] {
    if (!this.trainable) return [];
    return unique(this.layers.flatMap((l) => l.trainableWeights));
  }

  override get nonTrainableWeights(): LayerVariable[] {
    if (!this.trainable) return unique(this.layers.flatMap((l) => l.weights));
    return unique(this.layers.flatMap((l) => l.nonTrainableWeights));
  }

  /** The penalties of every layer (weight regularizers now, activity regularizers of the last call). */
  override get losses(): Tensor[] {
    return this.layers.flatMap((l) => l.losses);
  }

  /** Chooses the loss, optimizer and metrics (strings, functions or objects, Keras names and defaults). */
  compile(args: CompileArgs): void {
    const previous = this.compiled;
    this.compiled = new CompiledState(args);
    previous?.dispose();
  }

  private requireCompiled(where: string): CompiledState {
    if (this.compiled === null) {
      throw new RuntimeError(
        `${this.className} '${this.name}'.${where}: the model must be compiled before ${where}; ` +
          "call model.compile({ loss, optimizer, metrics }) first, e.g. compile({ loss: 'categorical_crossentropy', optimizer: 'adam' })",
      );
    }
    return this.compiled;
  }

  /** Builds the model from the data's shape when it is not built yet, and returns the output shape. */
  private prepare(xShape: Shape): Shape {
    if (!this.built) {
      this.build(xShape);
      this.built = true;
    }
    return this.computeOutputShape(xShape) as Shape;
  }

  /** Checks sparse labels once per run, since the loss cannot without a read-back every step. */
  private checkTargets(state: CompiledState, data: ArrayDataset, outputShape: Shape): void {
    const numClasses = outputShape[outputShape.length - 1];
    if (state.loss instanceof SparseCategoricalCrossentropy && data.targets && typeof numClasses === 'number') {
      checkSparseLabels(data.targets, numClasses);
    }
  }

  /**
   * Trains for `epochs` epochs on `x`, `y` and returns the {@link History} of per-epoch logs
   * (`history.history.loss`, `.accuracy`, `.val_loss`, …).
   */
  async fit(x: Tensor, y: Tensor, args: FitArgs = {}): Promise<History> {
    const where = 'fit';
    const state = this.requireCompiled(where);
    const epochs = args.epochs ?? 1;
    const batchSize = args.batchSize ?? 32;
    const initialEpoch = args.initialEpoch ?? 0;
    checkPositiveInt(where, 'epochs', epochs);
    checkPositiveInt(where, 'batchSize', batchSize);
    if (!Number.isInteger(initialEpoch) || initialEpoch < 0) throw invalidArgument(where, 'initialEpoch', 'a non-negative integer', initialEpoch);
    const split = args.validationSplit ?? 0;
    if (!(split >= 0 && split < 1)) throw invalidArgument(where, 'validationSplit', 'a number in [0, 1)', args.validationSplit);
    const verbose = resolveVerbose(where, args.verbose);
    await ready();

    let train = ArrayDataset.fromTensors(where, x, y);
    let validation: ArrayDataset | null = null;
    if (args.validationData) {
      const [vx, vy] = args.validationData;
      validation = ArrayDataset.fromTensors(`${where} (validationData)`, vx, vy);
    } else if (split > 0) {
      [train, validation] = train.split(split);
    }
    const outputShape = this.prepare(train.xShape);
    this.checkTargets(state, train, outputShape);
    if (validation) this.checkTargets(state, validation, outputShape);
    const metrics = state.metrics(outputShape, train.yShape);

    const history = new History();
    const defaults: Callback[] = verbose > 0 ? [new ProgbarLogger()] : [];
    const callbacks = new CallbackList([...defaults, ...(args.callbacks ?? []), history], this, {
      epochs,
      steps: train.numBatches(batchSize),
      verbose,
    });
    this.stopTraining = false;
    const plan = { epochs, initialEpoch, batchSize, validationBatchSize: args.validationBatchSize ?? batchSize, shuffle: args.shuffle ?? true };
    this.history = history;
    await fitLoop({ model: this, loss: state.loss, metrics }, state.optimizer, train, validation, plan, callbacks);
    return history;
  }

  /**
   * The loss (including regularization penalties) and metrics on `x`, `y`: `[loss, ...metrics]`, or just the
   * loss when the model has no metrics (as Keras).
   */
  async evaluate(x: Tensor, y: Tensor, args: EvaluateArgs = {}): Promise<number | number[]> {
    const logs = await this.evaluateLogs('evaluate', x, y, args);
    const values = Object.values(logs);
    return values.length === 1 ? (values[0] as number) : values;
  }

  /** Like `evaluate`, but returns the results by name: `{ loss, accuracy }`. */
  async evaluateDict(x: Tensor, y: Tensor, args: EvaluateArgs = {}): Promise<Logs> {
    return this.evaluateLogs('evaluateDict', x, y, args);
  }

  private async evaluateLogs(where: string, x: Tensor, y: Tensor, args: EvaluateArgs): Promise<Logs> {
    const state = this.requireCompiled(where);
    const batchSize = args.batchSize ?? 32;
    checkPositiveInt(where, 'batchSize', batchSize);
    const verbose = resolveVerbose(where, args.verbose);
    await ready();
    const data = ArrayDataset.fromTensors(where, x, y);
    const outputShape = this.prepare(data.xShape);
    this.checkTargets(state, data, outputShape);
    const metrics = state.metrics(outputShape, data.yShape);
    const defaults: Callback[] = verbose > 0 ? [new ProgbarLogger()] : [];
    const callbacks = new CallbackList([...defaults, ...(args.callbacks ?? [])], this, { epochs: 1, steps: data.numBatches(batchSize), verbose });
    const lossTracker = new Mean({ name: 'loss' });
    try {
      return await evaluateEpoch({ model: this, loss: state.loss, metrics, lossTracker }, data, batchSize, callbacks);
    } finally {
      lossTracker.dispose();
    }
  }

  /** The model's outputs for `x`, computed in batches in inference mode. The caller owns the result. */
  async predict(x: Tensor, args: PredictArgs = {}): Promise<Tensor> {
    const where = 'predict';
    const batchSize = args.batchSize ?? 32;
    checkPositiveInt(where, 'batchSize', batchSize);
    const verbose = resolveVerbose(where, args.verbose);
    await ready();
    const data = ArrayDataset.fromTensors(where, x, null);
    this.prepare(data.xShape);
    const defaults: Callback[] = verbose > 0 ? [new ProgbarLogger()] : [];
    const callbacks = new CallbackList([...defaults, ...(args.callbacks ?? [])], this, { epochs: 1, steps: data.numBatches(batchSize), verbose });
    return predictLoop(this, data, batchSize, callbacks);
  }

  /** One gradient step on one batch; returns the loss, or `[loss, ...metrics]`, for that batch. */
  async trainOnBatch(x: Tensor, y: Tensor): Promise<number | number[]> {
    const where = 'trainOnBatch';
    const state = this.requireCompiled(where);
    await ready();
    return this.onBatch(where, state, x, y, (ctx, xb, yb, n) => trainStep(ctx, state.optimizer, xb, yb, n));
  }

  /** Evaluates one batch; returns the loss, or `[loss, ...metrics]`. */
  async testOnBatch(x: Tensor, y: Tensor): Promise<number | number[]> {
    const where = 'testOnBatch';
    const state = this.requireCompiled(where);
    await ready();
    return this.onBatch(where, state, x, y, testStep);
  }

  private onBatch(
    where: string,
    state: CompiledState,
    x: Tensor,
    y: Tensor,
    step: (ctx: Parameters<typeof testStep>[0], x: Tensor, y: Tensor, n: number) => void,
  ): number | number[] {
    const data = ArrayDataset.fromTensors(where, x, y);
    const outputShape = this.prepare(data.xShape);
    this.checkTargets(state, data, outputShape);
    const metrics = state.metrics(outputShape, data.yShape);
    const lossTracker = new Mean({ name: 'loss' });
    try {
      resetTrackers(lossTracker, metrics);
      const xb = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
      try {
        step({ model: this, loss: state.loss, metrics, lossTracker }, xb, y, data.size);
      } finally {
        if (xb !== x) xb.dispose();
      }
      const values = Object.values(readLogs(lossTracker, metrics));
      return values.length === 1 ? (values[0] as number) : values;
    } finally {
      lossTracker.dispose();
    }
  }

  /** The model's output for one batch, in inference mode. The caller owns the result. */
  predictOnBatch(x: Tensor): Tensor {
    if (!(x instanceof Tensor)) throw invalidArgument('predictOnBatch', 'x', 'a Tensor', x);
    this.prepare([null, ...x.shape.slice(1)]);
    return tf.tidy(() => predictStep(this, x.dtype === 'float32' ? x : tf.cast(x, 'float32')));
  }

  /**
   * Prints the Keras summary table (through `printFn`, default `console.log`) and returns it as a string.
   * Throws a `ValueError` when the model is not built yet.
   */
  summary(args: SummaryArgs = {}): string {
    if (!this.built) {
      throw new ValueError(
        `${this.className} '${this.name}'.summary: the model is not built yet; give the first layer an inputShape ` +
          '(or inputDim), or call build(inputShape), fit or predict first',
      );
    }
    const trainable = this.trainableWeights.reduce((n, w) => n + w.size, 0);
    const nonTrainable = this.nonTrainableWeights.reduce((n, w) => n + w.size, 0);
    return formatSummary(this.name, this.summaryRows(), { trainable, nonTrainable }, args);
  }

  /** Frees the weights of every layer and the metric state. */
  override dispose(): void {
    for (const layer of this.layers) layer.dispose();
    this.compiled?.dispose();
    super.dispose();
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
