import { tf, Tensor } from '@strata/core';
import type { CallbackList } from '../callbacks/callback-list';
import type { Model } from '../model';
import type { ArrayDataset } from './dataset';
import { predictStep } from './steps';

/** Runs the model on every sample of `data` in order, batch by batch, and joins the outputs. */
export async function predictLoop(model: Model, data: ArrayDataset, batchSize: number, callbacks: CallbackList): Promise<Tensor> {
  await callbacks.call('onPredictBegin');
  const order = data.order(false);
  const steps = data.numBatches(batchSize);
  const outputs: Tensor[] = [];
  try {
    for (let b = 0; b < steps; b++) {
      await callbacks.callAt('onPredictBatchBegin', b);
      const batch = data.batch(order, b, batchSize);
      try {
        outputs.push(predictStep(model, batch.x));
      } finally {
        batch.x.dispose();
      }
      await callbacks.callAt('onPredictBatchEnd', b);
    }
    const result = outputs.length === 1 ? (outputs[0] as Tensor) : tf.concat(outputs, 0);
    await callbacks.call('onPredictEnd');
    return result;
  } finally {
    if (outputs.length > 1) tf.dispose(outputs);
  }
}
