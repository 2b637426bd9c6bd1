/**
 * The seed chapter's CNN (cnn-mnist-1.4.1.py): three 3×3 convolutions of 64 filters with ReLU, two 2×2
 * max-poolings between them, then Flatten, Dropout(0.2) and a softmax Dense over the 10 digits. Trains
 * with Adam on categorical cross-entropy for 10 epochs of batch 128 and prints the test accuracy (the book
 * reports about 99.4%).
 *
 *   node dist/cnn-mnist.js [--epochs N] [--backend wasm|cpu|cuda] [--limit N] [--seed N]
 */
import { parseArgs } from 'node:util';
import { Sequential, callbacks, datasets, layers, setBackend, setRandomSeed, tf, toCategorical } from 'strata-ml';
import type { Tensor } from 'strata-ml';

/** Options of the listing. */
export interface CnnMnistArgs {
  /** Training epochs (default 10, as the book). */
  epochs?: number;
  /** The backend to run on (default: `STRATA_BACKEND`, else wasm). */
  backend?: string;
  /** Makes the run repeatable. */
  seed?: number;
  /** Trains on only the first `limit` training images (default all 60,000); for quick checks. */
  limit?: number;
  /** Progress output of `fit` (default 1, the progress bar). */
  verbose?: 0 | 1 | 2;
  /** Where lines of output go (default `console.log`). */
  log?: (line: string) => void;
}

/** What the run measured. */
export interface CnnMnistResult {
  testLoss: number;
  testAccuracy: number;
  /** Mean wall-clock seconds per training epoch. */
  secondsPerEpoch: number;
  /** Mean wall-clock milliseconds per training step (batch), over all epochs. */
  msPerStep: number;
}

const BATCH_SIZE = 128;
const KERNEL_SIZE = 3;
const POOL_SIZE = 2;
const FILTERS = 64;
const DROPOUT = 0.2;
const NUM_LABELS = 10;

/** The first `count` of `[n, 28, 28]` images as `[count, 28, 28, 1]`, grey levels scaled to [0, 1]. */
function prepareImages(images: Tensor, count: number): Tensor {
  const [n = 0, h = 0, w = 0] = images.shape;
  return tf.tidy(() => tf.div(tf.reshape(tf.slice(images, [0, 0, 0], [Math.min(count, n), h, w]), [-1, h, w, 1]), 255));
}

/** The model of the listing, for `[rows, cols, 1]` images. */
export function buildCnn(inputShape: number[]): Sequential {
  const model = new Sequential();
  model.add(new layers.Conv2D(FILTERS, KERNEL_SIZE, { activation: 'relu', inputShape }));
  model.add(new layers.MaxPooling2D(POOL_SIZE));
  model.add(new layers.Conv2D(FILTERS, KERNEL_SIZE, { activation: 'relu' }));
  model.add(new layers.MaxPooling2D(POOL_SIZE));
  model.add(new layers.Conv2D(FILTERS, KERNEL_SIZE, { activation: 'relu' }));
  model.add(new layers.Flatten());
  model.add(new layers.Dropout(DROPOUT));
  model.add(new layers.Dense(NUM_LABELS, { activation: 'softmax' }));
  return model;
}

/** Runs the listing and returns the test results. */
export async function runCnnMnist(args: CnnMnistArgs = {}): Promise<CnnMnistResult> {
  const log = args.log ?? console.log;
  if (args.backend !== undefined) await setBackend(args.backend);
  if (args.seed !== undefined) setRandomSeed(args.seed);

  const { xTrain, yTrain, xTest, yTest } = await datasets.mnist.loadData();
  const trainCount = Math.min(args.limit ?? Infinity, xTrain.shape[0] as number);
  const x = prepareImages(xTrain, trainCount);
  const xt = prepareImages(xTest, xTest.shape[0] as number);
  const yTrainHead = tf.slice(yTrain, [0], [trainCount]);
  const y = toCategorical(yTrainHead, NUM_LABELS);
  const yt = toCategorical(yTest, NUM_LABELS);
  tf.dispose([xTrain, yTrain, xTest, yTest, yTrainHead]);

  const model = buildCnn(x.shape.slice(1) as number[]);
  model.summary({ printFn: log });
  model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });

  const epochTimes: number[] = [];
  let epochStart = 0;
  let steps = 0;
  const timer = new callbacks.LambdaCallback({
    onEpochBegin: () => void (epochStart = performance.now()),
    onTrainBatchEnd: () => void steps++,
    onEpochEnd: () => void epochTimes.push((performance.now() - epochStart) / 1e3),
  });
  await model.fit(x, y, { epochs: args.epochs ?? 10, batchSize: BATCH_SIZE, verbose: args.verbose ?? 1, callbacks: [timer] });

  const [testLoss, testAccuracy] = (await model.evaluate(xt, yt, { batchSize: BATCH_SIZE, verbose: 0 })) as [number, number];
  log(`\nTest accuracy: ${(100 * testAccuracy).toFixed(1)}%`);
  const totalSeconds = epochTimes.reduce((a, b) => a + b, 0);
  tf.dispose([x, y, xt, yt]);
  model.dispose();
  return {
    testLoss,
    testAccuracy,
    secondsPerEpoch: totalSeconds / Math.max(1, epochTimes.length),
    msPerStep: (1e3 * totalSeconds) / Math.max(1, steps),
  };
}

/** Reads `--epochs N`, `--backend NAME`, `--limit N` and `--seed N`; throws on a malformed number. */
export function parseCommandLine(argv: string[]): CnnMnistArgs {
  const { values } = parseArgs({
    args: argv,
    options: { epochs: { type: 'string' }, backend: { type: 'string' }, limit: { type: 'string' }, seed: { type: 'string' } },
  });
  const integer = (flag: string, text: string, min: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) {
      throw new Error(`--${flag} must be ${min > 0 ? 'a positive' : 'an'} integer; received --${flag}=${JSON.stringify(text)}`);
    }
    return n;
  };
  const args: CnnMnistArgs = {};
  if (values.epochs !== undefined) args.epochs = integer('epochs', values.epochs, 1);
  if (values.backend !== undefined) args.backend = values.backend;
  if (values.limit !== undefined) args.limit = integer('limit', values.limit, 1);
  if (values.seed !== undefined) args.seed = integer('seed', values.seed, Number.MIN_SAFE_INTEGER);
  return args;
}

if (require.main === module) {
  runCnnMnist(parseCommandLine(process.argv.slice(2)))
    .then((r) =>
      console.log(`(${r.secondsPerEpoch.toFixed(1)} s/epoch, ${r.msPerStep.toFixed(0)} ms/step, test loss ${r.testLoss.toFixed(4)})`),
    )
    .catch((err: unknown) => {
      console.error((err as Error).message);
      process.exitCode = 1;
    });
}
