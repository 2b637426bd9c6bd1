import { tf, Tensor } from '@strata-ml/core';
import type { CallbackList } from '../callbacks/callback-list';
import type { Model } from '../model';
import type { ArrayDataset } from './dataset';
import { predictStep } from './steps';

/** Runs the model on every sample of `data` in order, batch by batch, and joins each output's batches. */
export async function predictLoop(model: Model, data: ArrayDataset, batchSize: number, callbacks: CallbackList): Promise<Tensor[]> {
  await callbacks.call('onPredictBegin');
  const order = data.order(false);
  const steps = data.numBatches(batchSize);
  const batches: Tensor[][] = [];
  try {
    for (let b = 0; b < steps; b++) {
      await callbacks.callAt('onPredictBatchBegin', b);
      const batch = data.batch(order, b, batchSize);
      try {
        batches.push(predictStep(model, batch.x));
      } finally {
        for (const t of batch.x) t.dispose();
      }
      await callbacks.callAt('onPredictBatchEnd', b);
    }
    const first = batches[0] as Tensor[];
    const result = batches.length === 1 ? first : first.map((_, i) => tf.concat(batches.map((outs) => outs[i] as Tensor), 0));
    await callbacks.call('onPredictEnd');
    return result;
  } finally {
    if (batches.length > 1) tf.dispose(batches.flat());
  }
}
