/**
 * Training benchmark: the seed MLP, the CNN of cnn-mnist and the RNN of rnn-mnist, trained for a fixed
 * number of steps (batch 128) with Strata on its wasm backend and with tfjs-layers 4.22 on stock
 * tfjs-backend-wasm, in the same run. The stock side runs in a child process (`stock-child`) because
 * Strata's kernels replace the stock ones globally once registered; the CNN's stock side runs on
 * tfjs-backend-cpu, since stock wasm cannot compute its filter gradient. Times are CPU milliseconds per
 * step with warm-up excluded (Strata's fit and bare step timed alternately, best of two rounds; the wasm backend computes on one thread, so CPU time is its run time and
 * other processes on a shared machine count least); an epoch is 469 steps (60,000 MNIST samples).
 *
 * With `--threads N` (N > 1) Strata's side runs its native kernels on N threads and is timed in wall time.
 *
 *   node dist/train-bench.js [--steps N] [--warmup N] [--models mlp,cnn,rnn] [--json] [--accuracy] [--no-stock] [--threads N]
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { setBackend } from '@strata-ml/core';
import { setThreadsCount } from '@strata-ml/backend-wasm';
import { measureEpochAccuracy, type AccuracyResult } from './accuracy';
import { stepFlops } from './model-flops';
import { measureGemmGflops } from './roofline';
import { stockBackend, type StockResult } from './stock-child';
import { timeStrata, type StrataTiming } from './strata-timing';
import type { ModelName } from './strata-models';
import { formatTable } from './table';
import { parseTrainBenchArgs } from './train-bench-args';
import { cpuMs, wallMs } from './timing';

/** Steps in one MNIST epoch at batch 128. */
const STEPS_PER_EPOCH = Math.ceil(60000 / 128);

/** The result for one model. */
interface ModelResult extends StrataTiming {
  readonly model: ModelName;
  readonly stock: (StockResult & { readonly backend: string }) | null;
  /** Stock ms/step over Strata's fit ms/step. */
  readonly speedup: number | null;
  /** Milliseconds a step would take at the measured GEMM rate. */
  readonly floorMsPerStep: number;
  readonly accuracy: AccuracyResult | null;
}

function runStock(model: ModelName, steps: number, warmup: number): StockResult {
  const script = path.join(__dirname, `stock-child${path.extname(__filename)}`);
  const child = spawnSync(process.execPath, [...process.execArgv, script, model, String(steps), String(warmup)], { encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`train-bench: the stock ${model} run failed (exit ${String(child.status)}):\n${child.stderr.slice(-2000)}`);
  }
  return JSON.parse(line) as StockResult;
}

const fmt = (v: number | null, digits = 1): string => (v === null ? '—' : v.toFixed(digits));

async function main(): Promise<void> {
  const args = parseTrainBenchArgs(process.argv.slice(2));
  if (args.threads > 1) setThreadsCount(args.threads);
  await setBackend('wasm');
  const gflops = measureGemmGflops();
  const results: ModelResult[] = [];
  for (const model of args.models) {
    const strata = await timeStrata(model, args.steps, args.warmup, args.threads > 1 ? wallMs : cpuMs);
    // tfjs-backend-cpu takes over a minute per CNN step (and has no kernels to compile): one step tells enough.
    const onCpu = stockBackend(model) === 'cpu';
    const stock = args.noStock ? null : runStock(model, onCpu ? 1 : args.steps, onCpu ? 0 : args.warmup);
    const accuracy = args.accuracy ? await measureEpochAccuracy(model) : null;
    results.push({
      model,
      ...strata,
      stock,
      speedup: stock ? stock.cpuMsPerStep / strata.fitMsPerStep : null,
      floorMsPerStep: stepFlops(model, 128) / (gflops * 1e6),
      accuracy,
    });
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ steps: args.steps, warmup: args.warmup, threads: args.threads, gemmGflops: gflops, loadAverage: os.loadavg(), stepsPerEpoch: STEPS_PER_EPOCH, results }, null, 2)}\n`);
    return;
  }
  const epoch = (ms: number): string => ((ms * STEPS_PER_EPOCH) / 1000).toFixed(1);
  const rows = results.map((r) => [
    r.model,
    fmt(r.fitMsPerStep),
    epoch(r.fitMsPerStep),
    fmt(r.stepMsPerStep),
    `${fmt((r.fitMsPerStep / r.stepMsPerStep - 1) * 100, 0)}%`,
    r.stock ? `${r.stock.backend}` : '—',
    r.stock ? fmt(r.stock.cpuMsPerStep) : '—',
    r.stock ? epoch(r.stock.cpuMsPerStep) : '—',
    r.speedup === null ? '—' : `${r.speedup.toFixed(1)}x`,
    fmt(r.floorMsPerStep),
    epoch(r.floorMsPerStep),
    `${fmt((r.floorMsPerStep / r.fitMsPerStep) * 100, 0)}%`,
    ...(args.accuracy ? [r.accuracy ? `${(r.accuracy.testAccuracy * 100).toFixed(2)}%` : '—'] : []),
  ]);
  const header = [
    'model', 'Strata fit ms/step', 's/epoch', 'bare step ms', 'fit over step',
    'stock backend', 'tfjs-layers ms/step', 's/epoch', 'speedup', 'GEMM floor ms', 's/epoch', 'of floor',
    ...(args.accuracy ? ['test acc, 1 epoch'] : []),
  ];
  const strataClock = args.threads > 1 ? `Strata on ${args.threads} threads in wall ms, stock in CPU ms` : 'CPU ms';
  console.log(`Training, batch 128, ${args.steps} timed steps after ${args.warmup} warm-up, ${strataClock} per step; epoch = ${STEPS_PER_EPOCH} steps`);
  console.log(`wasm GEMM roofline in this run: ${gflops.toFixed(1)} GFLOP/s; load average ${load}`);
  console.log(formatTable(header, rows, 1));
  if (results.some((r) => r.stock?.backend === 'cpu')) {
    console.log('stock cnn: tfjs-layers on tfjs-backend-cpu, one step without warm-up (stock tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, so it cannot train a convolution)');
  }
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
