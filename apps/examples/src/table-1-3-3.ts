/**
 * Table 1.3.3: trains the book's 18 MLP configurations on MNIST (units, regularizer, optimizer, ReLU or
 * linear) and prints each one's final-epoch training accuracy and test accuracy beside the book's.
 * Writes the table as Markdown after every row, so a long run keeps what it has measured.
 *
 *   node dist/table-1-3-3.js [--epochs 20] [--rows 1,5,14-16] [--out table-1-3-3.md] [--limit N]
 *                            [--backend wasm|cpu|cuda] [--seed N] [--hidden 2|3] [--verbose 0|1|2]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ValueError, datasets, getBackend, setBackend, setRandomSeed, tf, toCategorical } from 'strata-ml';
import type { Tensor } from 'strata-ml';
import { resultsMarkdown, type RowResult } from './table/results';
import { buildRowModel, type HiddenLayers } from './table/row-model';
import { parseRowSelection } from './table/row-selection';
import { TABLE_1_3_3, formatOptimizer, formatRegularizer, formatUnits, type TableRow } from './table/rows';

/** Options of the run. */
export interface Table133Args {
  /** Training epochs per row (default 20, as the book). */
  epochs?: number;
  /** 1-based rows to run (default all 18). */
  rows?: number[];
  /** Where to write the Markdown table (default `table-1-3-3.md`). */
  out?: string;
  /** Trains on the first `limit` images only (default all 60,000); for quick checks. */
  limit?: number;
  /** The backend to run on (default: `STRATA_BACKEND`, else wasm). */
  backend?: string;
  /** Seeds the weights and shuffling of every row, so each row is repeatable on its own. */
  seed?: number;
  /** Hidden layers built from the "Layers" column (default 2, the listing's network). */
  hiddenLayers?: HiddenLayers;
  /** Progress output of `fit` (default 2, one line per epoch). */
  verbose?: 0 | 1 | 2;
  /** Where lines of output go (default `console.log`). */
  log?: (line: string) => void;
}

const BATCH_SIZE = 128;
const NUM_LABELS = 10;

/** Flattens `[n, 28, 28]` images to `[min(n, count), 784]` and scales grey levels to [0, 1]. */
function prepareImages(images: Tensor, count: number): Tensor {
  const [n = 0, h = 0, w = 0] = images.shape;
  return tf.tidy(() => tf.div(tf.reshape(tf.slice(images, [0, 0, 0], [Math.min(count, n), h, w]), [-1, h * w]), 255));
}

/** One-hot labels of the first `count` samples. */
function prepareLabels(labels: Tensor, count: number): Tensor {
  return tf.tidy(() => toCategorical(tf.slice(labels, [0], [Math.min(count, labels.shape[0] as number)]), NUM_LABELS));
}

/** Trains and tests one row's model. */
async function runRow(row: TableRow, data: { x: Tensor; y: Tensor; xt: Tensor; yt: Tensor }, args: Table133Args): Promise<RowResult> {
  if (args.seed !== undefined) setRandomSeed(args.seed);
  const model = buildRowModel(row, { inputSize: data.x.shape[1] as number, numLabels: NUM_LABELS, hiddenLayers: args.hiddenLayers ?? 2 });
  model.compile({ loss: 'categorical_crossentropy', optimizer: row.optimizer, metrics: ['accuracy'] });
  const start = performance.now();
  const history = await model.fit(data.x, data.y, { epochs: args.epochs ?? 20, batchSize: BATCH_SIZE, verbose: args.verbose ?? 2 });
  const seconds = (performance.now() - start) / 1e3;
  const [, testAccuracy] = (await model.evaluate(data.xt, data.yt, { batchSize: BATCH_SIZE, verbose: 0 })) as [number, number];
  model.dispose();
  const trainAccuracy = history.history['accuracy']?.at(-1);
  if (trainAccuracy === undefined) throw new ValueError(`table-1-3-3: fit recorded no 'accuracy'; history has ${Object.keys(history.history).join(', ')}`);
  return { row, trainAccuracy, testAccuracy, seconds };
}

function describeRow(r: RowResult): string {
  const { row } = r;
  return (
    `row ${row.row} ${formatUnits(row)} ${formatRegularizer(row.regularizer)} ${formatOptimizer(row.optimizer)} ReLU ${row.relu ? 'yes' : 'no'}: ` +
    `train ${(100 * r.trainAccuracy).toFixed(2)}% (book ${row.seedTrain.toFixed(2)}%), ` +
    `test ${(100 * r.testAccuracy).toFixed(2)}% (book ${row.seedTest.toFixed(1)}%), ${r.seconds.toFixed(0)} s`
  );
}

/** Runs the selected rows and returns their results; writes the Markdown table to `out` after each row. */
export async function runTable133(args: Table133Args = {}): Promise<RowResult[]> {
  const log = args.log ?? console.log;
  if (args.backend !== undefined) await setBackend(args.backend);
  const selected = (args.rows ?? TABLE_1_3_3.map((r) => r.row)).map((n) => TABLE_1_3_3[n - 1] as TableRow);
  const out = args.out ?? 'table-1-3-3.md';

  const { xTrain, yTrain, xTest, yTest } = await datasets.mnist.loadData();
  const limit = args.limit ?? (xTrain.shape[0] as number);
  const data = { x: prepareImages(xTrain, limit), y: prepareLabels(yTrain, limit), xt: prepareImages(xTest, Infinity), yt: prepareLabels(yTest, Infinity) };
  tf.dispose([xTrain, yTrain, xTest, yTest]);
  const hidden = args.hiddenLayers ?? 2;
  const settings = {
    epochs: args.epochs ?? 20,
    batchSize: BATCH_SIZE,
    trainSamples: data.x.shape[0] as number,
    backend: getBackend(),
    architecture:
      hidden === 2
        ? "Layers u1-u2-u3 build the listing's network: Dense(u1), Dense(u2), Dense(10); u3 is not used."
        : 'Layers u1-u2-u3 build three hidden layers Dense(u1), Dense(u2), Dense(u3), then Dense(10).',
  };
  log(`Table 1.3.3: ${selected.length} row(s), ${settings.epochs} epoch(s), ${settings.trainSamples} training images, backend ${settings.backend}`);

  const results: RowResult[] = [];
  try {
    for (const row of selected) {
      const result = await runRow(row, data, args);
      results.push(result);
      log(describeRow(result));
      writeFileSync(out, resultsMarkdown(results, settings));
    }
  } finally {
    tf.dispose([data.x, data.y, data.xt, data.yt]);
  }
  log(`Wrote ${out}`);
  return results;
}

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new ValueError(`${flag} must be a positive integer; received ${flag}=${JSON.stringify(text)}`);
  return n;
}

/** Reads the command line into {@link Table133Args}. */
export function parseCommandLine(argv: string[]): Table133Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      epochs: { type: 'string' },
      rows: { type: 'string' },
      out: { type: 'string' },
      limit: { type: 'string' },
      backend: { type: 'string' },
      seed: { type: 'string' },
      hidden: { type: 'string' },
      verbose: { type: 'string' },
    },
  });
  const args: Table133Args = {};
  if (values.epochs !== undefined) args.epochs = positiveInt('--epochs', values.epochs);
  if (values.rows !== undefined) args.rows = parseRowSelection(values.rows, TABLE_1_3_3.length);
  if (values.out !== undefined) args.out = values.out;
  if (values.limit !== undefined) args.limit = positiveInt('--limit', values.limit);
  if (values.backend !== undefined) args.backend = values.backend;
  if (values.seed !== undefined) {
    args.seed = Number(values.seed);
    if (!Number.isInteger(args.seed)) throw new ValueError(`--seed must be an integer; received --seed=${JSON.stringify(values.seed)}`);
  }
  if (values.hidden !== undefined) {
    if (values.hidden !== '2' && values.hidden !== '3') throw new ValueError(`--hidden must be 2 or 3; received --hidden=${JSON.stringify(values.hidden)}`);
    args.hiddenLayers = Number(values.hidden) as HiddenLayers;
  }
  if (values.verbose !== undefined) {
    if (!['0', '1', '2'].includes(values.verbose)) throw new ValueError(`--verbose must be 0, 1 or 2; received --verbose=${JSON.stringify(values.verbose)}`);
    args.verbose = Number(values.verbose) as 0 | 1 | 2;
  }
  return args;
}

if (require.main === module) {
  Promise.resolve()
    .then(() => runTable133(parseCommandLine(process.argv.slice(2))))
    .catch((err: unknown) => {
      console.error((err as Error).message);
      process.exitCode = 1;
    });
}
