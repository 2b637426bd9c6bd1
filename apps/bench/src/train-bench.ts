/**
 * Training benchmark: the seed MLP, the CNN of cnn-mnist and the RNN of rnn-mnist, trained for a fixed
 * number of steps (batch 128) with Strata on its wasm backend and, in the same run, with its peers: stock
 * tfjs-layers 4.22 (on tfjs-backend-wasm; the CNN on tfjs-backend-cpu, since stock wasm cannot compute its
 * filter gradient), PyTorch CPU where a Python with torch is found (`pytorch-peer.ts`; same models,
 * optimizers and thread count), and jax-js for the MLP (`jax-child.ts`). Peers that are missing are
 * skipped with the reason. Each side runs in its own process but Strata's; ratios are Strata's time over
 * the peer's (below 1: Strata is faster).
 *
 * Times are milliseconds per step, warm-up excluded: on one thread CPU time (so other processes on a
 * shared machine count least), with `--threads N` (N > 1, Strata and PyTorch alike) wall time for the
 * two; tfjs and jax-js compute on one thread in Node and are timed in CPU time. An epoch is 469 steps.
 * `--node 24` runs all of it under Node 24, fetched from the npm registry (`node-runtime.ts`).
 *
 *   node dist/train-bench.js [--steps N] [--warmup N] [--models mlp,cnn,rnn] [--peers tfjs,pytorch,jax]
 *                            [--no-stock] [--threads N] [--node MAJOR] [--json] [--accuracy]
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { setBackend } from '@strata-ml/core';
import { backendInfo, setThreadsCount } from '@strata-ml/backend-wasm';
import { measureEpochAccuracy, type AccuracyResult } from './accuracy';
import type { JaxResult } from './jax-child';
import { stepFlops } from './model-flops';
import { nodeBinary } from './node-runtime';
import { findTorchPython, runPyTorch, type TorchRun } from './pytorch-peer';
import { measureGemmGflops } from './roofline';
import { stockBackend, type StockResult } from './stock-child';
import { timeStrata, type StrataTiming } from './strata-timing';
import type { ModelName } from './strata-models';
import { formatTable } from './table';
import { parseTrainBenchArgs, withoutNodeFlag, type TrainBenchArgs } from './train-bench-args';
import { cpuMs, wallMs } from './timing';

/** Steps in one MNIST epoch at batch 128. */
const STEPS_PER_EPOCH = Math.ceil(60000 / 128);

/** One peer's time for one model, in the clock the table states. */
interface PeerTime {
  readonly msPerStep: number;
  /** Strata's ms/step over the peer's. */
  readonly ratio: number;
}

/** The result for one model. */
interface ModelResult extends StrataTiming {
  readonly model: ModelName;
  readonly tfjs: (PeerTime & { readonly backend: string }) | null;
  readonly pytorch: PeerTime | null;
  readonly jax: PeerTime | null;
  /** Milliseconds a step would take at the measured GEMM rate. */
  readonly floorMsPerStep: number;
  readonly accuracy: AccuracyResult | null;
}

/** Runs a child script of this package (compiled beside this file) and parses its last line as JSON. */
function runChild<T>(name: string, args: readonly string[]): T {
  const script = path.join(__dirname, `${name}${path.extname(__filename)}`);
  const child = spawnSync(process.execPath, [...process.execArgv, script, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`train-bench: ${name} ${args.join(' ')} failed (exit ${String(child.status)}):\n${child.stderr.slice(-2000)}`);
  }
  return JSON.parse(line) as T;
}

/** Runs the whole benchmark under another Node and exits with its status. */
function runUnderNode(major: number): never {
  const binary = nodeBinary(major);
  const child = spawnSync(binary, [...process.execArgv, __filename, ...withoutNodeFlag(process.argv.slice(2))], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const fmt = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined ? '—' : v.toFixed(digits));
const ratio = (v: PeerTime | null): string => (v === null ? '—' : `${v.ratio.toFixed(2)}x`);

async function main(): Promise<void> {
  const args: TrainBenchArgs = parseTrainBenchArgs(process.argv.slice(2));
  if (args.node !== null && Number(process.versions.node.split('.')[0]) !== args.node) runUnderNode(args.node);
  setThreadsCount(args.threads);
  await setBackend('wasm');
  const info = await backendInfo();
  const gflops = measureGemmGflops();
  const multi = args.threads > 1;
  const skipped: string[] = [];

  const strata = new Map<ModelName, StrataTiming>();
  for (const model of args.models) strata.set(model, await timeStrata(model, args.steps, args.warmup, multi ? wallMs : cpuMs));

  let torch: TorchRun | null = null;
  if (args.peers.includes('pytorch')) {
    const found = findTorchPython();
    if ('reason' in found) skipped.push(`PyTorch skipped: ${found.reason}`);
    else torch = runPyTorch(found.python, args.models, args.steps, args.warmup, args.threads);
  }
  let jax: JaxResult | null = null;
  if (args.peers.includes('jax') && args.models.includes('mlp')) jax = runChild<JaxResult>('jax-child', [String(args.steps), String(args.warmup)]);

  const results: ModelResult[] = [];
  for (const model of args.models) {
    const own = strata.get(model) as StrataTiming;
    const peer = (msPerStep: number | undefined): PeerTime | null =>
      msPerStep === undefined ? null : { msPerStep, ratio: own.fitMsPerStep / msPerStep };
    let tfjs: ModelResult['tfjs'] = null;
    if (args.peers.includes('tfjs')) {
      // tfjs-backend-cpu takes over a minute per CNN step (and has no kernels to compile): one step tells enough.
      const onCpu = stockBackend(model) === 'cpu';
      const stock = runChild<StockResult>('stock-child', [model, String(onCpu ? 1 : args.steps), String(onCpu ? 0 : args.warmup)]);
      tfjs = { backend: stock.backend, ...(peer(stock.cpuMsPerStep) as PeerTime) };
    }
    const torchModel = torch?.results[model];
    results.push({
      model,
      ...own,
      tfjs,
      pytorch: peer(torchModel === undefined ? undefined : multi ? torchModel.wallMsPerStep : torchModel.cpuMsPerStep),
      jax: model === 'mlp' ? peer(jax?.cpuMsPerStep) : null,
      floorMsPerStep: stepFlops(model, 128) / (gflops * 1e6),
      accuracy: args.accuracy ? await measureEpochAccuracy(model) : null,
    });
  }

  const conditions = {
    node: process.versions.node,
    nativeInstructions: info.nativeInstructions,
    threads: args.threads,
    strataThreads: info.threads,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    loadAverage: os.loadavg(),
    torch: torch === null ? null : { version: torch.torch, threads: torch.threads, blas: torch.blas },
    jax: jax?.version ?? null,
    skipped,
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ steps: args.steps, warmup: args.warmup, gemmGflops: gflops, stepsPerEpoch: STEPS_PER_EPOCH, ...conditions, results }, null, 2)}\n`);
    return;
  }
  const epoch = (ms: number): string => ((ms * STEPS_PER_EPOCH) / 1000).toFixed(1);
  const rows = results.map((r) => [
    r.model,
    fmt(r.fitMsPerStep),
    epoch(r.fitMsPerStep),
    fmt(r.stepMsPerStep),
    fmt(r.pytorch?.msPerStep, 2),
    ratio(r.pytorch),
    r.tfjs ? `${fmt(r.tfjs.msPerStep)} (${r.tfjs.backend})` : '—',
    ratio(r.tfjs),
    fmt(r.jax?.msPerStep),
    ratio(r.jax),
    fmt(r.floorMsPerStep),
    `${fmt((r.floorMsPerStep / r.fitMsPerStep) * 100, 0)}%`,
    ...(args.accuracy ? [r.accuracy ? `${(r.accuracy.testAccuracy * 100).toFixed(2)}%` : '—'] : []),
  ]);
  const header = [
    'model', 'Strata fit ms', 's/epoch', 'bare step ms', 'PyTorch ms', 'Strata/PyTorch', 'tfjs-layers ms', 'Strata/tfjs', 'jax-js ms',
    'Strata/jax-js', 'GEMM floor ms', 'of floor', ...(args.accuracy ? ['test acc, 1 epoch'] : []),
  ];
  const clock = multi ? `Strata and PyTorch on ${args.threads} threads in wall ms, tfjs and jax-js (one thread) in CPU ms` : 'one thread each, CPU ms';
  console.log(`Training, batch 128, ${args.steps} timed steps after ${args.warmup} warm-up; ${clock} per step; epoch = ${STEPS_PER_EPOCH} steps`);
  console.log(
    `Node ${conditions.node}, Strata native ${String(info.nativeInstructions)}, ${String(info.threads)} thread(s); ${conditions.cpu}, ` +
      `${conditions.cores} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; wasm GEMM roofline ${gflops.toFixed(1)} GFLOP/s`,
  );
  if (torch !== null) console.log(`PyTorch ${torch.torch} (${torch.blas}, ${torch.threads} thread(s)); jax-js ${jax?.version ?? '—'} (wasm, jit, MLP only)`);
  console.log(formatTable(header, rows, 1));
  for (const line of skipped) console.log(line);
  if (results.some((r) => r.tfjs?.backend === 'cpu')) {
    console.log('stock cnn: tfjs-layers on tfjs-backend-cpu, one step without warm-up (stock tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, so it cannot train a convolution)');
  }
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
