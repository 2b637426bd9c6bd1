import type { Optimizer } from '@strata-ml/optimizers';
import type { Logs } from '../callbacks/callback';
import type { CallbackList } from '../callbacks/callback-list';
import type { ArrayDataset } from './dataset';
import { evaluateEpoch } from './evaluate-loop';
import { trainStep, type StepContext } from './steps';

/** The settled arguments of one `fit` run. */
export interface FitPlan {
  epochs: number;
  initialEpoch: number;
  batchSize: number;
  validationBatchSize: number;
  shuffle: boolean;
}

/** Runs one training epoch over `data`, calling the batch hooks; stops early when `model.stopTraining` is set. */
async function trainEpoch(ctx: StepContext, optimizer: Optimizer, data: ArrayDataset, plan: FitPlan, callbacks: CallbackList): Promise<void> {
  const order = data.order(plan.shuffle);
  const steps = data.numBatches(plan.batchSize);
  for (let b = 0; b < steps; b++) {
    await callbacks.callAt('onTrainBatchBegin', b);
    const batch = data.batch(order, b, plan.batchSize);
    try {
      trainStep(ctx, optimizer, batch.x, batch.y ?? [], batch.size);
    } finally {
      for (const t of [...batch.x, ...(batch.y ?? [])]) t.dispose();
    }
    await callbacks.callAt('onTrainBatchEnd', b, ctx.trackers.lazy());
    if (ctx.model.stopTraining) break;
  }
}

/**
 * The epoch loop of `fit`: for each epoch, reset the trackers, train, read the epoch's logs once, validate,
 * and hand the logs to the callbacks. A callback that restored a backup in `onTrainBegin` sets
 * `model.resumeEpoch`, the epoch to go on from; it is used once. Returns the last epoch's logs.
 */
export async function fitLoop(ctx: StepContext, optimizer: Optimizer, train: ArrayDataset, validation: ArrayDataset | null, plan: FitPlan, callbacks: CallbackList): Promise<Logs> {
  let logs: Logs = {};
  await callbacks.call('onTrainBegin');
  const start = Math.max(plan.initialEpoch, ctx.model.resumeEpoch ?? 0);
  ctx.model.resumeEpoch = null;
  for (let epoch = start; epoch < plan.epochs; epoch++) {
    ctx.trackers.reset();
    await callbacks.callAt('onEpochBegin', epoch);
    await trainEpoch(ctx, optimizer, train, plan, callbacks);
    logs = ctx.trackers.read();
    if (validation) {
      const valLogs = await evaluateEpoch(ctx, validation, plan.validationBatchSize, callbacks);
      for (const [k, v] of Object.entries(valLogs)) logs[`val_${k}`] = v;
    }
    await callbacks.callAt('onEpochEnd', epoch, logs);
    if (ctx.model.stopTraining) break;
  }
  await callbacks.call('onTrainEnd', logs);
  return logs;
}
