import { Mean } from '@strata/metrics';
import type { Optimizer } from '@strata/optimizers';
import type { Logs } from '../callbacks/callback';
import type { CallbackList } from '../callbacks/callback-list';
import type { ArrayDataset } from './dataset';
import { evaluateEpoch } from './evaluate-loop';
import { lazyLogs, readLogs, resetTrackers } from './logs';
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
      trainStep(ctx, optimizer, batch.x, batch.y as NonNullable<typeof batch.y>, batch.size);
    } finally {
      batch.x.dispose();
      batch.y?.dispose();
    }
    await callbacks.callAt('onTrainBatchEnd', b, lazyLogs(ctx.lossTracker, ctx.metrics));
    if (ctx.model.stopTraining) break;
  }
}

/**
 * The epoch loop of `fit`: for each epoch, reset the trackers, train, read the epoch's logs once, validate,
 * and hand the logs to the callbacks. Returns the last epoch's logs.
 */
export async function fitLoop(
  ctx: Omit<StepContext, 'lossTracker'>,
  optimizer: Optimizer,
  train: ArrayDataset,
  validation: ArrayDataset | null,
  plan: FitPlan,
  callbacks: CallbackList,
): Promise<Logs> {
  const lossTracker = new Mean({ name: 'loss' });
  const stepCtx: StepContext = { ...ctx, lossTracker };
  let logs: Logs = {};
  try {
    await callbacks.call('onTrainBegin');
    for (let epoch = plan.initialEpoch; epoch < plan.epochs; epoch++) {
      resetTrackers(lossTracker, ctx.metrics);
      await callbacks.callAt('onEpochBegin', epoch);
      await trainEpoch(stepCtx, optimizer, train, plan, callbacks);
      logs = readLogs(lossTracker, ctx.metrics);
      if (validation) {
        const valLogs = await evaluateEpoch(stepCtx, validation, plan.validationBatchSize, callbacks);
        for (const [k, v] of Object.entries(valLogs)) logs[`val_${k}`] = v;
      }
      await callbacks.callAt('onEpochEnd', epoch, logs);
      if (ctx.model.stopTraining) break;
    }
    await callbacks.call('onTrainEnd', logs);
  } finally {
    lossTracker.dispose();
  }
  return logs;
}
