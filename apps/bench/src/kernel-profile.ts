/**
 * Where a training step's time goes: trains one benchmark model on the wasm backend with every kernel
 * timed, and prints milliseconds and calls per step for each kernel (with `--shapes`, matrix products
 * apart by operand shapes), next to the whole step. Wall time, so run it on a quiet machine.
 *
 *   node dist/kernel-profile.js [--model mlp|cnn|rnn] [--steps N] [--mode fit|step] [--shapes]
 */
import { tf, setBackend, type Tensor } from '@strata-ml/core';
import '@strata-ml/backend-wasm';
import { CategoricalCrossentropy } from '@strata-ml/losses';
import type { Optimizer } from '@strata-ml/optimizers';
import { getKernelsForBackend, type KernelConfig, type KernelFunc } from '@tensorflow/tfjs-core';
import { parseProfileArgs } from './kernel-profile-args';
import { buildStrataModel, INPUT_SHAPES } from './strata-models';
import { batchTensors } from './strata-timing';
import { syntheticData } from './synthetic';
import { formatTable } from './table';

const BATCH = 128;

/** Time and calls per kernel (or per product shape), accumulated by the wrapped kernels. */
type Tally = Map<string, { ms: number; calls: number }>;

function shapeKey(kernel: string, { inputs, attrs }: Parameters<KernelFunc>[0]): string {
  if (!kernel.includes('MatMul')) return kernel;
  const flags = `${attrs?.['transposeA'] === true ? ' tA' : ''}${attrs?.['transposeB'] === true ? ' tB' : ''}`;
  return `${kernel} [${inputs['a']?.shape.join(',') ?? ''}]·[${inputs['b']?.shape.join(',') ?? ''}]${flags}`;
}

/** Wraps every wasm kernel so that it adds its wall time to `tally`. */
function instrument(tally: Tally, byShape: boolean): void {
  for (const config of getKernelsForBackend('wasm')) {
    const original = config.kernelFunc;
    const timed: KernelFunc = (args) => {
      const t0 = performance.now();
      const out = original(args);
      const key = byShape ? shapeKey(config.kernelName, args) : config.kernelName;
      const entry = tally.get(key) ?? { ms: 0, calls: 0 };
      entry.ms += performance.now() - t0;
      entry.calls++;
      tally.set(key, entry);
      return out;
    };
    (config as { kernelFunc: KernelFunc } & KernelConfig).kernelFunc = timed;
  }
}

async function main(): Promise<void> {
  const args = parseProfileArgs(process.argv.slice(2));
  await setBackend('wasm');
  const tally: Tally = new Map();
  instrument(tally, args.shapes);
  const model = buildStrataModel(args.model);
  const data = syntheticData(args.steps * BATCH, INPUT_SHAPES[args.model]);
  const x = tf.tensor(data.x, [args.steps * BATCH, ...INPUT_SHAPES[args.model]]);
  const y = tf.tensor(data.y, [args.steps * BATCH, 10]);
  const loss = new CategoricalCrossentropy();
  const variables = model.trainableWeights.map((w) => w.variable);
  const batches = args.mode === 'step' ? batchTensors(args.model, args.steps) : [];
  const run = async (): Promise<void> => {
    if (args.mode === 'fit') {
      await model.fit(x, y, { batchSize: BATCH, verbose: 0 });
      return;
    }
    for (const [bx, by] of batches) {
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => loss.compute(by, model.apply(bx, { training: true }) as Tensor) as tf.Scalar, variables);
        (model.optimizer as Optimizer).applyGradients(variables.map((v) => [grads[v.name] as Tensor, v] as const));
      });
    }
  };
  await run(); // warm-up: compilation, allocation
  tally.clear();
  const t0 = performance.now();
  await run();
  const totalMs = (performance.now() - t0) / args.steps;
  const rows = [...tally.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const kernelMs = rows.reduce((sum, [, e]) => sum + e.ms, 0) / args.steps;
  console.log(`${args.model}, ${args.mode}, batch ${BATCH}, ${args.steps} steps after one warm-up pass; wall ms per step`);
  console.log(
    formatTable(
      ['kernel', 'ms/step', 'calls/step', 'share'],
      [
        ...rows.map(([name, e]) => [name, (e.ms / args.steps).toFixed(3), (e.calls / args.steps).toFixed(1), `${((100 * e.ms) / args.steps / totalMs).toFixed(1)}%`]),
        ['all kernels', kernelMs.toFixed(2), '', `${((100 * kernelMs) / totalMs).toFixed(1)}%`],
        ['whole step', totalMs.toFixed(2), '', '100%'],
      ],
      1,
    ),
  );
  tf.dispose([x, y, ...batches.flat()]);
  model.dispose();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
