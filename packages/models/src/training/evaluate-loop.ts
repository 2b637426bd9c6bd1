import type { Logs } from '../callbacks/callback';
import type { CallbackList } from '../callbacks/callback-list';
import type { ArrayDataset } from './dataset';
import { testStep, type StepContext } from './steps';

/**
 * Evaluates the model on every sample of `data` in order, with the test hooks; returns the loss and
 * metrics, read once at the end.
 */
export async function evaluateEpoch(ctx: StepContext, data: ArrayDataset, batchSize: number, callbacks: CallbackList): Promise<Logs> {
  ctx.trackers.reset();
  await callbacks.call('onTestBegin');
  const order = data.order(false);
  const steps = data.numBatches(batchSize);
  for (let b = 0; b < steps; b++) {
    await callbacks.callAt('onTestBatchBegin', b);
    const batch = data.batch(order, b, batchSize);
    try {
      testStep(ctx, batch.x, batch.y ?? [], batch.size);
    } finally {
      for (const t of [...batch.x, ...(batch.y ?? [])]) t.dispose();
    }
    await callbacks.callAt('onTestBatchEnd', b, ctx.trackers.lazy());
  }
  const logs = ctx.trackers.read();
  await callbacks.call('onTestEnd', logs);
  return logs;
}
