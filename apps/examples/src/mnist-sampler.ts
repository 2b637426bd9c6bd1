/**
 * Listing 1.3.1 (mnist-sampler-1.3.1.py): loads MNIST, prints how often each label occurs in the training
 * and test sets, and saves 25 random training digits as a 5×5 grid, `mnist-samples.png`.
 *
 *   node dist/mnist-sampler.js [--seed N] [--out DIR]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { datasets, globalRandom, setRandomSeed } from 'strata-ml';
import { countLabels, formatCounts } from './label-counts';
import { encodeGrayPng, renderDigitGrid } from './png-grid';

/** Command-line options of the sampler. */
export interface SamplerArgs {
  /** Seed for the digit draw; a fresh one each run when omitted. */
  seed?: number;
  /** Folder to write `mnist-samples.png` to. Default: the current folder. */
  outDir?: string;
  /** Where lines of output go. Default: `console.log`. */
  log?: (line: string) => void;
}

const SAMPLES = 25;
const COLUMNS = 5;

/** Runs the listing; returns the path of the PNG it wrote. */
export function runSampler(args: SamplerArgs = {}): string {
  const log = args.log ?? console.log;
  if (args.seed !== undefined) setRandomSeed(args.seed);

  const { xTrain, yTrain, yTest } = datasets.mnist.loadDataArrays();
  log(`Train labels:  ${formatCounts(countLabels(yTrain.data))}`);
  log(`Test labels:  ${formatCounts(countLabels(yTest.data))}`);

  // 25 indexes drawn with replacement, as np.random.randint does.
  const [count = 0, height = 0, width = 0] = xTrain.shape;
  const rng = globalRandom();
  const indexes = Array.from({ length: SAMPLES }, () => Math.floor(rng.nextFloat() * count));
  const images = indexes.map((i) => xTrain.data.subarray(i * height * width, (i + 1) * height * width));
  const labels = indexes.map((i) => yTrain.data[i] as number);

  log('Sampled labels (5×5 grid, row by row):');
  for (let row = 0; row < SAMPLES / COLUMNS; row++) log(labels.slice(row * COLUMNS, (row + 1) * COLUMNS).join(' '));

  const grid = renderDigitGrid({ images, height, width, columns: COLUMNS, labels });
  const outDir = args.outDir ?? process.cwd();
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'mnist-samples.png');
  fs.writeFileSync(file, encodeGrayPng(grid));
  log(`Saved ${file}`);
  return file;
}

function parseCommandLine(argv: string[]): SamplerArgs {
  const { values } = parseArgs({ args: argv, options: { seed: { type: 'string' }, out: { type: 'string' } } });
  const args: SamplerArgs = {};
  if (values.seed !== undefined) args.seed = Number(values.seed);
  if (values.out !== undefined) args.outDir = values.out;
  return args;
}

if (require.main === module) {
  try {
    runSampler(parseCommandLine(process.argv.slice(2)));
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  }
}
