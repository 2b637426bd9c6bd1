import { defineOptions, type NoOptions } from '@strata-ml/core';
import { Callback, type Logs } from './callback';

const HISTORY_OPTIONS = defineOptions<NoOptions>('History', {});

/**
 * Records every epoch's logs; `fit` returns it. `history.history.loss[i]` is the loss of epoch `i`, and
 * there is one list per metric and `val_*` entry, as in Keras.
 */
export class History extends Callback {
  /** The epoch indices recorded. */
  epoch: number[] = [];
  /** One list of values per log key. */
  history: Record<string, number[]> = {};

  constructor(args: NoOptions = {}) {
    super();
    HISTORY_OPTIONS.check(args);
  }

  override onTrainBegin(): void {
    this.epoch = [];
    this.history = {};
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) (this.history[key] ??= []).push(value);
  }
}
