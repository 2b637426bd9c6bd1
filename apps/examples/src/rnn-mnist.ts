/**
 * The chapter's RNN (rnn-mnist-1.5.1.py): each MNIST image is read as a sequence of 28 time steps of 28
 * pixels by a SimpleRNN of 256 units, followed by Dropout(0.2) and a softmax over 10 digits. Trains with
 * SGD for 20 epochs of batch 128 and prints the test accuracy (the book: about 98%).
 *
 *   node dist/rnn-mnist.js [--epochs N] [--backend wasm|cpu|cuda] [--limit N] [--seed N]
 */
import { parseArgs } from 'node:util';
import { Sequential, callbacks, datasets, layers, setBackend, setRandomSeed, tf, toCategorical } from 'strata-ml';
import type { Tensor } from 'strata-ml';

/** Options of the example. */
export interface RnnMnistArgs {
  /** Training epochs (default 20, as the book). */
  epochs?: number;
  /** The backend to run on (default: `STRATA_BACKEND`, else wasm). */
  backend?: string;
  /** Makes the run repeatable. */
  seed?: number;
  /** Uses only the first `limit` training and test images (default all); for quick checks. */
  limit?: number;
  /** Progress output of `fit` (default 1, the progress bar). */
  verbose?: 0 | 1 | 2;
  /** Where lines of output go (default `console.log`). */
  log?: (line: string) => void;
}

/** What the run measured. */
export interface RnnMnistResult {
  testLoss: number;
  testAccuracy: number;
  /** Mean wall-clock milliseconds per training step (one batch of 128), over all epochs. */
  msPerStep: number;
}

const BATCH_SIZE = 128;
const UNITS = 256;
const DROPOUT = 0.2;
const NUM_LABELS = 10;

/** The first `count` images as `[count, 28, 28]` (28 steps of 28 pixels), scaled to [0, 1]. */
function prepareImages(images: Tensor, count: number): Tensor {
  const [, h = 0, w = 0] = images.shape;
  return tf.tidy(() => tf.div(tf.slice(images, [0, 0, 0], [count, h, w]), 255));
}

/** The first `count` labels, one-hot. */
function prepareLabels(labels: Tensor, count: number): Tensor {
  return tf.tidy(() => toCategorical(tf.slice(labels, [0], [count]), NUM_LABELS));
}

/** Runs the example and returns the test results. */
export async function runRnnMnist(args: RnnMnistArgs = {}): Promise<RnnMnistResult> {
  const log = args.log ?? console.log;
  if (args.backend !== undefined) await setBackend(args.backend);
  if (args.seed !== undefined) setRandomSeed(args.seed);

  const { xTrain, yTrain, xTest, yTest } = await datasets.mnist.loadData();
  const trainCount = Math.min(args.limit ?? Infinity, xTrain.shape[0] as number);
  const testCount = Math.min(args.limit ?? Infinity, xTest.shape[0] as number);
  const x = prepareImages(xTrain, trainCount);
  const y = prepareLabels(yTrain, trainCount);
  const xt = prepareImages(xTest, testCount);
  const yt = prepareLabels(yTest, testCount);
  tf.dispose([xTrain, yTrain, xTest, yTest]);
  const [, timeSteps = 28, pixels = 28] = x.shape;

  const model = new Sequential();
  model.add(new layers.SimpleRNN(UNITS, { inputShape: [timeSteps, pixels] }));
  model.add(new layers.Dropout(DROPOUT));
  model.add(new layers.Dense(NUM_LABELS));
  model.add(new layers.Activation('softmax'));
  model.summary({ printFn: log });

  model.compile({ loss: 'categorical_crossentropy', optimizer: 'sgd', metrics: ['accuracy'] });
  let steps = 0;
  let trainMs = 0;
  let batchStart = 0;
  const timer = new callbacks.LambdaCallback({
    onTrainBatchBegin: () => void (batchStart = performance.now()),
    onTrainBatchEnd: () => {
      trainMs += performance.now() - batchStart;
      steps++;
    },
  });
  await model.fit(x, y, { epochs: args.epochs ?? 20, batchSize: BATCH_SIZE, verbose: args.verbose ?? 1, callbacks: [timer] });

  const [testLoss, testAccuracy] = (await model.evaluate(xt, yt, { batchSize: BATCH_SIZE, verbose: 0 })) as [number, number];
  log(`\nTest accuracy: ${(100 * testAccuracy).toFixed(1)}%`);
  tf.dispose([x, y, xt, yt]);
  model.dispose();
  return { testLoss, testAccuracy, msPerStep: trainMs / Math.max(1, steps) };
}

function parseCommandLine(argv: string[]): RnnMnistArgs {
  const { values } = parseArgs({
    args: argv,
    options: { epochs: { type: 'string' }, backend: { type: 'string' }, seed: { type: 'string' }, limit: { type: 'string' } },
  });
  const args: RnnMnistArgs = {};
  if (values.epochs !== undefined) args.epochs = Number(values.epochs);
  if (values.backend !== undefined) args.backend = values.backend;
  if (values.seed !== undefined) args.seed = Number(values.seed);
  if (values.limit !== undefined) args.limit = Number(values.limit);
  return args;
}

if (require.main === module) {
  Promise.resolve()
    .then(() => runRnnMnist(parseCommandLine(process.argv.slice(2))))
    .then((r) => console.log(`(${r.msPerStep.toFixed(0)} ms/step of batch ${BATCH_SIZE}, test loss ${r.testLoss.toFixed(4)})`))
    .catch((err: unknown) => {
      console.error((err as Error).message);
      process.exitCode = 1;
    });
}
