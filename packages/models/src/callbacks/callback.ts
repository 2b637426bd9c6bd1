import type { Model } from '../model';

/** The numbers a callback receives: `loss`, metric names, and `val_*` for validation. */
export type Logs = Record<string, number>;

/** What a training run tells its callbacks before it starts. */
export interface CallbackParams {
  /** The number of epochs `fit` runs to (the last epoch index + 1). */
  epochs: number;
  /** Batches per epoch (or per evaluate/predict run). */
  steps: number;
  /** The verbosity `fit` was given: 0 silent, 1 progress bar, 2 one line per epoch. */
  verbose: 0 | 1 | 2;
}

/** A hook's result: callbacks may be asynchronous. */
export type HookResult = void | Promise<void>;

/**
 * The base of training callbacks, with Keras's hooks. Every hook does nothing by default; subclasses override
 * the ones they need. `model` and `params` are set by the training loop before `onTrainBegin`.
 */
export class Callback {
  /** The model being trained, evaluated or run. */
  model: Model | null = null;
  /** The run's parameters. */
  params: CallbackParams = { epochs: 0, steps: 0, verbose: 0 };

  /** Called by the loop with the model it runs. */
  setModel(model: Model): void {
    this.model = model;
  }
  /** Called by the loop with the run's parameters. */
  setParams(params: CallbackParams): void {
    this.params = params;
  }

  /** At the start of `fit`. */
  onTrainBegin(_logs?: Logs): HookResult {}
  /** At the end of `fit`, with the last epoch's logs. */
  onTrainEnd(_logs?: Logs): HookResult {}
  /** At the start of each epoch (0-based). */
  onEpochBegin(_epoch: number, _logs?: Logs): HookResult {}
  /** At the end of each epoch, with its training and validation logs. Callbacks may add entries. */
  onEpochEnd(_epoch: number, _logs?: Logs): HookResult {}
  /** Before each training batch. */
  onTrainBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  /** After each training batch, with the running epoch averages (read lazily). */
  onTrainBatchEnd(_batch: number, _logs?: Logs): HookResult {}
  /** At the start of `evaluate` (and of validation inside `fit`). */
  onTestBegin(_logs?: Logs): HookResult {}
  /** At the end of `evaluate`. */
  onTestEnd(_logs?: Logs): HookResult {}
  /** Before each evaluation batch. */
  onTestBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  /** After each evaluation batch. */
  onTestBatchEnd(_batch: number, _logs?: Logs): HookResult {}
  /** At the start of `predict`. */
  onPredictBegin(_logs?: Logs): HookResult {}
  /** At the end of `predict`. */
  onPredictEnd(_logs?: Logs): HookResult {}
  /** Before each prediction batch. */
  onPredictBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  /** After each prediction batch. */
  onPredictBatchEnd(_batch: number, _logs?: Logs): HookResult {}
}
