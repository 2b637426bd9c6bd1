/** Command-line arguments of the training benchmark. */
import { MODEL_NAMES, type ModelName } from './strata-models';

/** The settled options of one benchmark run. */
export interface TrainBenchArgs {
  /** Timed training steps per model and side. */
  readonly steps: number;
  /** Untimed steps before timing (compilation, allocation, XNNPACK operator set-up). */
  readonly warmup: number;
  /** Models to train, in order. */
  readonly models: readonly ModelName[];
  /** Print the results as JSON instead of a table. */
  readonly json: boolean;
  /** Also train each model with Strata for one full MNIST epoch and report test accuracy. */
  readonly accuracy: boolean;
  /** Skip the stock tfjs-layers side (Strata alone, e.g. for profiling). */
  readonly noStock: boolean;
  /** Threads for Strata's side (more than one: its native kernels on worker threads, timed in wall time). */
  readonly threads: number;
}

const USAGE = 'usage: train-bench [--steps N] [--warmup N] [--models mlp,cnn,rnn] [--json] [--accuracy] [--no-stock] [--threads N]';

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n <= 0) throw new Error(`train-bench: ${flag} must be a positive integer; received ${String(value)}\n${USAGE}`);
  return n;
}

/** Parses `argv` (without node and the script); throws with the usage line on anything unknown. */
export function parseTrainBenchArgs(argv: readonly string[]): TrainBenchArgs {
  let steps = 20;
  let warmup = 5;
  let models: ModelName[] = [...MODEL_NAMES];
  let json = false;
  let accuracy = false;
  let noStock = false;
  let threads = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--steps') steps = positiveInt(arg, argv[++i]);
    else if (arg === '--warmup') warmup = positiveInt(arg, argv[++i]);
    else if (arg === '--json') json = true;
    else if (arg === '--accuracy') accuracy = true;
    else if (arg === '--no-stock') noStock = true;
    else if (arg === '--threads') threads = positiveInt(arg, argv[++i]);
    else if (arg === '--models') {
      const list = (argv[++i] ?? '').split(',').filter((s) => s !== '');
      const unknown = list.filter((m) => !(MODEL_NAMES as readonly string[]).includes(m));
      if (list.length === 0 || unknown.length > 0) {
        throw new Error(`train-bench: --models takes a comma-separated subset of ${MODEL_NAMES.join(',')}; received '${argv[i] ?? ''}'\n${USAGE}`);
      }
      models = list as ModelName[];
    } else throw new Error(`train-bench: unknown argument '${arg}'\n${USAGE}`);
  }
  return { steps, warmup, models, json, accuracy, noStock, threads };
}
