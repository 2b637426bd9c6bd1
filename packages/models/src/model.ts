import { tf, Tensor, RuntimeError, ValueError, invalidArgument, ready } from '@strata-ml/core';
import {
  Layer, SymbolicTensor, isShapeList, type CallArgs, type LayerArgs, type LayerVariable, type Shape,
} from '@strata-ml/layers';
import { SparseCategoricalCrossentropy, checkSparseLabels } from '@strata-ml/losses';
import type { Optimizer } from '@strata-ml/optimizers';
import type { Callback, Logs } from './callbacks/callback';
import { CallbackList } from './callbacks/callback-list';
import { History } from './callbacks/history';
import { ProgbarLogger } from './callbacks/progbar-logger';
import { FunctionalGraph } from './functional-graph';
import { functionalSummaryRows } from './functional-summary';
import type { ExportArgs } from './export/export-model';
import type { IOHandler } from './saving/io-handlers';
import type { SaveModelArgs, SaveTarget } from './saving/save-model';
import { formatSummary, type SummaryArgs, type SummaryRow } from './summary';
import { EVALUATE_OPTIONS, FIT_OPTIONS, MODEL_OPTIONS, PREDICT_OPTIONS } from './training/call-options';
import { CompiledState, type CompileArgs } from './training/compiled';
import { ArrayDataset } from './training/dataset';
import { evaluateEpoch } from './training/evaluate-loop';
import { fitLoop } from './training/fit-loop';
import { predictLoop } from './training/predict-loop';
import { toTensorList, type ModelData } from './training/standardize';
import { predictStep, testStep, trainStep, type StepContext } from './training/steps';
import { Trackers } from './training/trackers';

/** Verbosity of `fit`, `evaluate` and `predict`: 0 silent, 1 progress bar, 2 one line per epoch; `'auto'` is 1. */
export type Verbosity = 0 | 1 | 2 | 'auto';

/** Arguments of {@link Model}: a functional model from its inputs and outputs. */
export interface ModelArgs extends Pick<LayerArgs, 'name' | 'trainable'> {
  /** The model inputs, made by `Input()`: one, or an array (the model then takes an array of tensors). */
  inputs?: SymbolicTensor | SymbolicTensor[];
  /** The tensors computed from the inputs that the model returns: one, or an array (it then returns an array). */
  outputs?: SymbolicTensor | SymbolicTensor[];
}

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
  validationData?: [ModelData, ModelData];
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
 * A model: a layer that can be trained. Built from symbolic inputs and outputs it is a functional model
 * (Keras's `Model(inputs, outputs)`, class name `Functional`) whose graph is the layer calls between them:
 *
 * ```ts
 * const a = Input({ shape: [4] });
 * const b = Input({ shape: [2] });
 * const h = new Concatenate().apply([new Dense(8, { activation: 'relu' }).apply(a), b]);
 * const model = new Model({ inputs: [a, b], outputs: [new Dense(1).apply(h), new Dense(3, { activation: 'softmax' }).apply(h)] });
 * ```
 *
 * `Sequential` extends it; a subclass without inputs and outputs overrides `call` and `layers`. `compile`
 * chooses the losses, optimizer and metrics; `fit`, `evaluate` and `predict` run the loops on one tensor
 * per input and output (or a record by name).
 */
export class Model extends Layer {
  static override readonly className: string = 'Functional';
  /** Set by a callback to end `fit` after the current batch. */
  stopTraining = false;
  /** The {@link History} of the last `fit`, as Keras's `model.history`. */
  history: History | null = null;
  /** The epoch the next `fit` goes on from, set by a callback that restored a backup (`BackupAndRestore`); used once. */
  resumeEpoch: number | null = null;
  private compiled: CompiledState | null = null;
  private readonly graph: FunctionalGraph | null = null;
  private readonly listInputs: boolean = false;
  private readonly listOutputs: boolean = false;

  constructor(args: ModelArgs = {}) {
    MODEL_OPTIONS.check(args);
    super({ ...(args.name !== undefined ? { name: args.name } : {}), ...(args.trainable !== undefined ? { trainable: args.trainable } : {}) });
    if (args.inputs === undefined && args.outputs === undefined) return;
    const where = `Model '${this.name}'`;
    const symbolic = (name: string, value: unknown): SymbolicTensor[] => {
      const list = Array.isArray(value) ? (value as unknown[]) : [value];
      if (list.length === 0 || !list.every((t) => t instanceof SymbolicTensor)) {
        throw invalidArgument(where, name, 'a symbolic tensor or a non-empty array of them (from Input() and layer calls)', value);
      }
      return list as SymbolicTensor[];
    };
    this.graph = new FunctionalGraph(where, symbolic('inputs', args.inputs), symbolic('outputs', args.outputs));
    this.listInputs = Array.isArray(args.inputs);
    this.listOutputs = Array.isArray(args.outputs);
    this.built = true;
  }

  /** The model's layers: for a functional model every layer of its graph, input layers first. */
  get layers(): Layer[] {
    return this.graph?.layers.slice() ?? [];
  }

  /** The symbolic inputs of a functional model (empty for other models). */
  get inputs(): SymbolicTensor[] {
    return this.graph?.inputs.slice() ?? [];
  }

  /** The symbolic outputs of a functional model (empty for other models). */
  get outputs(): SymbolicTensor[] {
    return this.graph?.outputs.slice() ?? [];
  }

  /** The names of the inputs, which key `x` records. */
  get inputNames(): string[] {
    return this.graph?.inputNames ?? ['input'];
  }

  /** The names of the outputs (the layers producing them), which key `y` records and prefix multi-output logs. */
  get outputNames(): string[] {
    return this.graph?.outputNames ?? ['output'];
  }

  /** Runs the graph of a functional model; other models override it. */
  call(inputs: Tensor | Tensor[], kwargs: CallArgs): Tensor | Tensor[] {
    if (this.graph === null) {
      throw new RuntimeError(`${this.where}.call: a model made without inputs and outputs must override call; or build it with new Model({ inputs, outputs })`);
    }
    const outputs = this.graph.run(this.where, Array.isArray(inputs) ? inputs : [inputs], kwargs);
    return this.listOutputs ? outputs : (outputs[0] as Tensor);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    if (this.graph === null) return super.computeOutputShape(inputShape);
    const shapes = isShapeList(inputShape) && (this.listInputs || this.graph.inputs.length > 1) ? inputShape : [inputShape as Shape];
    const out = this.graph.outputShapes(shapes);
    return this.listOutputs ? out : (out[0] as Shape);
  }

  /** One row per layer for `summary`. */
  protected summaryRows(): SummaryRow[] {
    return this.graph === null ? [] : functionalSummaryRows(this.graph);
  }

  /** The optimizer chosen by `compile`, or null before. */
  get optimizer(): Optimizer | null {
    return this.compiled?.optimizer ?? null;
  }

  /** Whether `compile` has been called. */
  get isCompiled(): boolean {
    return this.compiled !== null;
  }

  /** The losses, loss weights, optimizer and metric identifiers `compile` settled, or null before. */
  get compiledState(): CompiledState | null {
    return this.compiled;
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

  /** The tfjs variables of `trainableWeights`, in the same order: what `valueAndGrads` and `applyGradients` take. */
  get trainableVariables(): tf.Variable[] {
    return this.trainableWeights.map((w) => w.variable);
  }

  /** The penalties of every layer (weight regularizers now, activity regularizers of the last call). */
  override get losses(): Tensor[] {
    return this.layers.flatMap((l) => l.losses);
  }

  /**
   * Chooses the losses, optimizer and metrics (strings, functions or objects, Keras names and defaults). As in
   * Keras, the trainable weights are read now: set `layer.trainable` before compiling (a GAN's combined model
   * is compiled with the discriminator frozen; the discriminator, compiled before, still trains).
   */
  compile(args: CompileArgs): void {
    const previous = this.compiled;
    this.compiled = new CompiledState(args, this.outputNames);
    this.compiled.recordTrainable(this.weights, this.trainableWeights);
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

  /** Builds the model from the data's shapes when it is not built yet, and returns the output shapes. */
  private prepare(xShapes: Shape[]): Shape[] {
    const shape: Shape | Shape[] = xShapes.length === 1 ? (xShapes[0] as Shape) : xShapes;
    if (!this.built) {
      this.build(shape);
      this.built = true;
    }
    const out = this.computeOutputShape(this.listInputs ? xShapes : shape);
    return this.listOutputs || (this.graph === null && isShapeList(out)) ? (out as Shape[]) : [out as Shape];
  }

  /**
   * Checks sparse labels once per run, since the loss cannot without a read-back every step (the labels
   * alone are read back, and only for a sparse loss).
   */
  private checkTargets(state: CompiledState, data: ArrayDataset, outputShapes: Shape[]): void {
    state.losses.forEach((loss, i) => {
      const shape = outputShapes[i] ?? [];
      const numClasses = shape[shape.length - 1];
      if (!(loss instanceof SparseCategoricalCrossentropy) || typeof numClasses !== 'number') return;
      const targets = data.targets(i);
      if (targets) checkSparseLabels(targets, numClasses);
    });
  }

  private dataset(where: string, x: ModelData, y: ModelData | null): ArrayDataset {
    const xs = toTensorList(where, 'x', x, this.inputNames);
    const ys = y === null ? null : toTensorList(where, 'y', y, this.outputNames);
    return ArrayDataset.fromTensors(where, xs, ys);
  }

  private context(state: CompiledState, trackers: Trackers): StepContext {
    const trainableWeights = state.trainableWeights(this.weights, this.trainableWeights);
    return { model: this, losses: state.losses, lossWeights: state.lossWeights, trainableWeights, trackers };
  }

  /**
   * Trains for `epochs` epochs on `x`, `y` (one tensor per input and output, in order or by name) and returns
   * the {@link History} of per-epoch logs (`history.history.loss`, `.accuracy`, `.val_loss`, and for several
   * outputs `<output>_loss`, `<output>_accuracy`).
   */
  async fit(x: ModelData, y: ModelData, args: FitArgs = {}): Promise<History> {
    const where = 'fit';
    FIT_OPTIONS.check(args);
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

    const data = this.dataset(where, x, y);
    let validation: ArrayDataset | null = null;
    // Datasets own the float32 casts of integer inputs; a split's halves share `data`'s.
    let given: ArrayDataset | null = null;
    try {
      let train = data;
      if (args.validationData) {
        const [vx, vy] = args.validationData;
        given = this.dataset(`${where} (validationData)`, vx, vy);
        validation = given;
      } else if (split > 0) {
        [train, validation] = data.split(split);
      }
      const outputShapes = this.prepare(train.xShapes);
      this.checkTargets(state, train, outputShapes);
      if (validation) this.checkTargets(state, validation, outputShapes);
      const trackers = new Trackers(state.outputNames, state.metrics(outputShapes, train.yShapes));

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
      try {
        await fitLoop(this.context(state, trackers), state.optimizer, train, validation, plan, callbacks);
      } finally {
        trackers.dispose();
      }
      return history;
    } finally {
      data.dispose();
      given?.dispose();
    }
  }

  /**
   * The loss (including regularization penalties) and metrics on `x`, `y`: `[loss, ...metrics]`, or just the
   * loss when the model has no metrics and one output (as Keras).
   */
  async evaluate(x: ModelData, y: ModelData, args: EvaluateArgs = {}): Promise<number | number[]> {
    const logs = await this.evaluateLogs('evaluate', x, y, args);
    const values = Object.values(logs);
    return values.length === 1 ? (values[0] as number) : values;
  }

  /** Like `evaluate`, but returns the results by name: `{ loss, accuracy }`. */
  async evaluateDict(x: ModelData, y: ModelData, args: EvaluateArgs = {}): Promise<Logs> {
    return this.evaluateLogs('evaluateDict', x, y, args);
  }

  private async evaluateLogs(where: string, x: ModelData, y: ModelData, args: EvaluateArgs): Promise<Logs> {
    EVALUATE_OPTIONS.check(args, where);
    const state = this.requireCompiled(where);
    const batchSize = args.batchSize ?? 32;
    checkPositiveInt(where, 'batchSize', batchSize);
    const verbose = resolveVerbose(where, args.verbose);
    await ready();
    const data = this.dataset(where, x, y);
    try {
      const outputShapes = this.prepare(data.xShapes);
      this.checkTargets(state, data, outputShapes);
      const trackers = new Trackers(state.outputNames, state.metrics(outputShapes, data.yShapes));
      const defaults: Callback[] = verbose > 0 ? [new ProgbarLogger()] : [];
      const callbacks = new CallbackList([...defaults, ...(args.callbacks ?? [])], this, { epochs: 1, steps: data.numBatches(batchSize), verbose });
      try {
        return await evaluateEpoch(this.context(state, trackers), data, batchSize, callbacks);
      } finally {
        trackers.dispose();
      }
    } finally {
      data.dispose();
    }
  }

  /** Returns one output as a tensor, several as an array (as the model's outputs were given). */
  private packOutputs(outputs: Tensor[]): Tensor | Tensor[] {
    return this.listOutputs || outputs.length > 1 ? outputs : (outputs[0] as Tensor);
  }

  /** The model's outputs for `x`, computed in batches in inference mode. The caller owns the result. */
  async predict(x: ModelData, args: PredictArgs = {}): Promise<Tensor | Tensor[]> {
    const where = 'predict';
    PREDICT_OPTIONS.check(args);
    const batchSize = args.batchSize ?? 32;
    checkPositiveInt(where, 'batchSize', batchSize);
    const verbose = resolveVerbose(where, args.verbose);
    await ready();
    const data = this.dataset(where, x, null);
    try {
      this.prepare(data.xShapes);
      const defaults: Callback[] = verbose > 0 ? [new ProgbarLogger()] : [];
      const callbacks = new CallbackList([...defaults, ...(args.callbacks ?? [])], this, { epochs: 1, steps: data.numBatches(batchSize), verbose });
      return this.packOutputs(await predictLoop(this, data, batchSize, callbacks));
    } finally {
      data.dispose();
    }
  }

  /** One gradient step on one batch; returns the loss, or `[loss, ...]` with per-output losses and metrics. */
  async trainOnBatch(x: ModelData, y: ModelData): Promise<number | number[]> {
    const where = 'trainOnBatch';
    const state = this.requireCompiled(where);
    await ready();
    return this.onBatch(where, state, x, y, (ctx, xb, yb, n) => trainStep(ctx, state.optimizer, xb, yb, n));
  }

  /** Evaluates one batch; returns the loss, or `[loss, ...]` with per-output losses and metrics. */
  async testOnBatch(x: ModelData, y: ModelData): Promise<number | number[]> {
    const where = 'testOnBatch';
    const state = this.requireCompiled(where);
    await ready();
    return this.onBatch(where, state, x, y, testStep);
  }

  private onBatch(
    where: string,
    state: CompiledState,
    x: ModelData,
    y: ModelData,
    step: (ctx: StepContext, x: Tensor[], y: Tensor[], n: number) => void,
  ): number | number[] {
    const data = this.dataset(where, x, y);
    try {
      const outputShapes = this.prepare(data.xShapes);
      this.checkTargets(state, data, outputShapes);
      const trackers = new Trackers(state.outputNames, state.metrics(outputShapes, data.yShapes));
      const ys = toTensorList(where, 'y', y, this.outputNames);
      try {
        trackers.reset();
        // The whole data is the batch: the dataset's inputs, integer inputs cast to float32.
        step(this.context(state, trackers), data.inputs, ys, data.size);
        const values = Object.values(trackers.read());
        return values.length === 1 ? (values[0] as number) : values;
      } finally {
        trackers.dispose();
      }
    } finally {
      data.dispose();
    }
  }

  /** The model's output(s) for one batch, in inference mode. The caller owns the result. */
  predictOnBatch(x: ModelData): Tensor | Tensor[] {
    const xs = toTensorList('predictOnBatch', 'x', x, this.inputNames);
    for (const t of xs) if (!(t instanceof Tensor)) throw invalidArgument('predictOnBatch', 'x', 'a Tensor', t);
    this.prepare(xs.map((t) => [null, ...t.shape.slice(1)]));
    return this.packOutputs(tf.tidy(() => predictStep(this, xs.map((t) => (t.dtype === 'float32' ? t : tf.cast(t, 'float32'))))));
  }

  /**
   * Prints the Keras summary table (through `printFn`, default `console.log`) and returns it as a string.
   * Functional models add Keras's `Connected to` column. Throws a `ValueError` when the model is not built yet.
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

  /**
   * Saves the whole model (see `saveModel`): architecture, weights and optimizer state, as a Keras 3
   * `.keras` archive, or in TF.js's layers format for a `.json` path or `{ format: 'tfjs' }`.
   */
  async save(target: SaveTarget, args: SaveModelArgs = {}): Promise<void> {
    // The saving code imports this module (to rebuild models), so it is loaded on first use, through the
    // package's own entry point: a relative dynamic import would need a file extension that the
    // source-run tests cannot resolve.
    const { saveModel } = await import('@strata-ml/models');
    await saveModel(this, target, args);
  }

  /**
   * Exports the model for inference, as Keras's `model.export`: `model.export('model.onnx', { format: 'onnx' })`
   * writes an ONNX graph (opset 17, dynamic batch) that ONNX Runtime runs (see `exportModel`).
   */
  async export(target: string | IOHandler, args: ExportArgs = {}): Promise<void> {
    const { exportModel } = await import('@strata-ml/models');
    await exportModel(this, target, args);
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
