/**
 * The seed's models through Strata's Keras-style API (Sequential, Dense, Conv2D, …) on the cuda backend:
 * Listing 1.3.2's MLP for 20 epochs (the seed reports 98.5% test accuracy) and the chapter's CNN.
 * Bundled separately from the backend check because it needs @strata-ml/models and @strata-ml/layers.
 *
 *   node strata-train.cjs --data DIR --out DIR [--mlp-epochs 20] [--cnn-epochs 3] [--backend cuda]
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as cpuBackend from '@tensorflow/tfjs-backend-cpu';
import * as cudaBackend from '../../src/index';
import { setBackend, tf, toCategorical } from '@strata-ml/core';
import { Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D } from '@strata-ml/layers';
import { Sequential } from '@strata-ml/models';
import { loadMnist } from './mnist';

// Core's setBackend() requires a backend package by name; in this single-file bundle there is no
// node_modules, so those names are answered with the backends already bundled here.
const bundled: Record<string, unknown> = { '@strata-ml/backend-cuda': cudaBackend, '@tensorflow/tfjs-backend-cpu': cpuBackend };
const nodeModule = createRequire(__filename)('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = nodeModule._load;
nodeModule._load = function (request: string, ...rest: unknown[]) {
  return bundled[request] ?? load.call(this, request, ...rest);
};

function option(argv: string[], flag: string, fallback: string): string {
  const i = argv.indexOf(flag);
  return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await f();
  return [value, (performance.now() - start) / 1000];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const out = option(argv, '--out', 'out');
  const data = option(argv, '--data', 'mnist');
  const limit = Number(option(argv, '--limit', 'Infinity'));
  await setBackend(option(argv, '--backend', 'cuda'));
  const train = loadMnist(data, 'train');
  const test = loadMnist(data, 't10k');
  const n = Math.min(train.count, limit);
  const m = Math.min(test.count, limit);
  const report: Record<string, unknown> = {};

  const xTrain = tf.tensor2d(train.images.subarray(0, n * 784), [n, 784]);
  const yTrain = toCategorical(train.labels.subarray(0, n), 10);
  const xTest = tf.tensor2d(test.images.subarray(0, m * 784), [m, 784]);
  const yTest = toCategorical(test.labels.subarray(0, m), 10);

  // Listing 1.3.2.
  const mlp = new Sequential();
  mlp.add(new Dense(256, { inputDim: 784 }));
  mlp.add(new Activation('relu'));
  mlp.add(new Dropout(0.45));
  mlp.add(new Dense(256));
  mlp.add(new Activation('relu'));
  mlp.add(new Dropout(0.45));
  mlp.add(new Dense(10));
  mlp.add(new Activation('softmax'));
  mlp.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  const mlpEpochs = Number(option(argv, '--mlp-epochs', '20'));
  const [, mlpSeconds] = await timed(() => mlp.fit(xTrain, yTrain, { epochs: mlpEpochs, batchSize: 128, verbose: 2 }));
  const mlpEval = await mlp.evaluate(xTest, yTest, { batchSize: 128, verbose: 0 });
  report['mlp'] = { epochs: mlpEpochs, seconds: mlpSeconds, secondsPerEpoch: mlpSeconds / mlpEpochs, evaluate: mlpEval };
  console.log(`[strata-train] mlp: ${JSON.stringify(report['mlp'])}`);

  // The chapter's CNN on [28, 28, 1] images.
  const cnn = new Sequential();
  cnn.add(new Conv2D(64, 3, { activation: 'relu', inputShape: [28, 28, 1] }));
  cnn.add(new MaxPooling2D(2));
  cnn.add(new Conv2D(64, 3, { activation: 'relu' }));
  cnn.add(new MaxPooling2D(2));
  cnn.add(new Conv2D(64, 3, { activation: 'relu' }));
  cnn.add(new Flatten());
  cnn.add(new Dropout(0.2));
  cnn.add(new Dense(10, { activation: 'softmax' }));
  cnn.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  const cnnEpochs = Number(option(argv, '--cnn-epochs', '3'));
  const images = tf.reshape(xTrain, [n, 28, 28, 1]);
  const testImages = tf.reshape(xTest, [m, 28, 28, 1]);
  const [, cnnSeconds] = await timed(() => cnn.fit(images, yTrain, { epochs: cnnEpochs, batchSize: 128, verbose: 2 }));
  const cnnEval = await cnn.evaluate(testImages, yTest, { batchSize: 128, verbose: 0 });
  report['cnn'] = { epochs: cnnEpochs, seconds: cnnSeconds, secondsPerEpoch: cnnSeconds / cnnEpochs, evaluate: cnnEval };
  console.log(`[strata-train] cnn: ${JSON.stringify(report['cnn'])}`);

  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'strata-train.json'), JSON.stringify(report, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
