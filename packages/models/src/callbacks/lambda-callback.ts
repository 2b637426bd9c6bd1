import { defineOptions } from '@strata-ml/core';
import { Callback, type HookResult, type Logs } from './callback';

/** Arguments of {@link LambdaCallback}: any of Keras's hooks, as functions. */
export interface LambdaCallbackArgs {
  onTrainBegin?: (logs?: Logs) => HookResult;
  onTrainEnd?: (logs?: Logs) => HookResult;
  onEpochBegin?: (epoch: number, logs?: Logs) => HookResult;
  onEpochEnd?: (epoch: number, logs?: Logs) => HookResult;
  onTrainBatchBegin?: (batch: number, logs?: Logs) => HookResult;
  onTrainBatchEnd?: (batch: number, logs?: Logs) => HookResult;
}

const LAMBDA_CALLBACK_OPTIONS = defineOptions<LambdaCallbackArgs>('LambdaCallback', {
  onTrainBegin: true,
  onTrainEnd: true,
  onEpochBegin: true,
  onEpochEnd: true,
  onTrainBatchBegin: true,
  onTrainBatchEnd: true,
});

/** A callback made of plain functions: `new LambdaCallback({ onEpochEnd: (epoch, logs) => … })`. */
export class LambdaCallback extends Callback {
  private readonly fns: LambdaCallbackArgs;

  constructor(args: LambdaCallbackArgs = {}) {
    super();
    LAMBDA_CALLBACK_OPTIONS.check(args);
    this.fns = args;
  }

  override onTrainBegin(logs?: Logs): HookResult {
    return this.fns.onTrainBegin?.(logs);
  }
  override onTrainEnd(logs?: Logs): HookResult {
    return this.fns.onTrainEnd?.(logs);
  }
  override onEpochBegin(epoch: number, logs?: Logs): HookResult {
    return this.fns.onEpochBegin?.(epoch, logs);
  }
  override onEpochEnd(epoch: number, logs?: Logs): HookResult {
    return this.fns.onEpochEnd?.(epoch, logs);
  }
  override onTrainBatchBegin(batch: number, logs?: Logs): HookResult {
    return this.fns.onTrainBatchBegin?.(batch, logs);
  }
  override onTrainBatchEnd(batch: number, logs?: Logs): HookResult {
    return this.fns.onTrainBatchEnd?.(batch, logs);
  }
}
