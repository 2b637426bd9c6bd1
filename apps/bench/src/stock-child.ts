/**
 * The stock side of the training benchmark, run in its own process so that Strata's kernels (which replace
 * tfjs-backend-wasm's globally once registered) never touch it: trains one model with tfjs-layers 4.22 on
 * stock tfjs-backend-wasm (the CNN on tfjs-backend-cpu, since stock wasm lacks Conv2DBackpropFilter) and
 * prints one JSON line `StockResult`.
 *
 *   node dist/stock-child.js <mlp|cnn|rnn> <steps> <warmupSteps>
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-cpu';
import { buildStockModel } from './stock-models';
import { INPUT_SHAPES, type ModelName } from './strata-models';
import { syntheticData } from './synthetic';
import { cpuMs } from './timing';
import { installChainedOps } from './chained-ops';

/** What the child reports. */
export interface StockResult {
  readonly backend: string;
  /** CPU milliseconds per step of `fit`, warm-up excluded. */
  readonly cpuMsPerStep: number;
  /** Wall-clock milliseconds per step of `fit`, warm-up excluded. */
  readonly wallMsPerStep: number;
}

/** The backend the stock side trains `name` on. */
export function stockBackend(name: ModelName): 'wasm' | 'cpu' {
  return name === 'cnn' ? 'cpu' : 'wasm';
}

async function main(): Promise<void> {
  const [name, stepsArg, warmupArg] = process.argv.slice(2) as [ModelName, string, string];
  const steps = Number(stepsArg);
  const warmup = Number(warmupArg);
  installChainedOps();
  await tf.setBackend(stockBackend(name));
  await tf.ready();
  const model = buildStockModel(name);
  const shape = INPUT_SHAPES[name];
  const batch = 128;
  const tensors = (n: number): [tf.Tensor, tf.Tensor] => {
    const data = syntheticData(n * batch, shape);
    return [tf.tensor(data.x, [n * batch, ...shape]), tf.tensor(data.y, [n * batch, 10])];
  };
  if (warmup > 0) {
    const [xWarm, yWarm] = tensors(warmup);
    await model.fit(xWarm, yWarm, { batchSize: batch, epochs: 1, verbose: 0 });
  }
  const [x, y] = tensors(steps);
  const c0 = cpuMs();
  const w0 = performance.now();
  await model.fit(x, y, { batchSize: batch, epochs: 1, verbose: 0 });
  const result: StockResult = {
    backend: tf.getBackend(),
    cpuMsPerStep: (cpuMs() - c0) / steps,
    wallMsPerStep: (performance.now() - w0) / steps,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) void main();
