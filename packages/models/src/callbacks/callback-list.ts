import type { Model } from '../model';
import type { Callback, CallbackParams, Logs } from './callback';

type Hook = 'onTrainBegin' | 'onTrainEnd' | 'onTestBegin' | 'onTestEnd' | 'onPredictBegin' | 'onPredictEnd';
type IndexedHook =
  | 'onEpochBegin' | 'onEpochEnd' | 'onTrainBatchBegin' | 'onTrainBatchEnd' | 'onTestBatchBegin' | 'onTestBatchEnd'
  | 'onPredictBatchBegin' | 'onPredictBatchEnd';

/** Calls every hook on a list of callbacks, in order, awaiting each. */
export class CallbackList {
  constructor(readonly callbacks: Callback[], model: Model, params: CallbackParams) {
    for (const cb of callbacks) {
      cb.setModel(model);
      cb.setParams(params);
    }
  }

  /** Runs a hook without an index (`onTrainBegin`, …) on every callback. */
  async call(hook: Hook, logs?: Logs): Promise<void> {
    for (const cb of this.callbacks) await cb[hook](logs);
  }

  /** Runs an epoch or batch hook on every callback. */
  async callAt(hook: IndexedHook, index: number, logs?: Logs): Promise<void> {
    for (const cb of this.callbacks) await cb[hook](index, logs);
  }
}
