/**
 * The learning check of the training benchmark: one full MNIST epoch with Strata's fast path (batch 128,
 * shuffled), then the test accuracy, so that speed is never bought with worse training.
 */
import { tf, type Tensor } from '@strata-ml/core';
import { mnist } from '@strata-ml/datasets';
import { buildStrataModel, INPUT_SHAPES, type ModelName } from './strata-models';
import { cpuMs } from './timing';

/** One epoch's outcome. */
export interface AccuracyResult {
  /** Accuracy on the 10,000 test images after one epoch. */
  readonly testAccuracy: number;
  /** CPU seconds the epoch's `fit` took. */
  readonly epochSeconds: number;
}

function toTensors(name: ModelName, images: mnist.MnistArray, labels: mnist.MnistArray): [Tensor, Tensor] {
  const n = labels.shape[0] as number;
  const x = new Float32Array(images.data.length);
  for (let i = 0; i < x.length; i++) x[i] = (images.data[i] as number) / 255;
  const y = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) y[i * 10 + (labels.data[i] as number)] = 1;
  return [tf.tensor(x, [n, ...INPUT_SHAPES[name]]), tf.tensor(y, [n, 10])];
}

/** Trains a fresh `name` for one epoch on MNIST and evaluates it on the test split. */
export async function measureEpochAccuracy(name: ModelName): Promise<AccuracyResult> {
  const data = mnist.loadDataArrays();
  const [xTrain, yTrain] = toTensors(name, data.xTrain, data.yTrain);
  const [xTest, yTest] = toTensors(name, data.xTest, data.yTest);
  const model = buildStrataModel(name);
  const c0 = cpuMs();
  await model.fit(xTrain, yTrain, { batchSize: 128, epochs: 1, verbose: 0 });
  const epochSeconds = (cpuMs() - c0) / 1000;
  const logs = await model.evaluateDict(xTest, yTest, { batchSize: 128, verbose: 0 });
  tf.dispose([xTrain, yTrain, xTest, yTest]);
  model.dispose();
  return { testAccuracy: logs['accuracy'] as number, epochSeconds };
}
