/**
 * The Strata side of the training benchmark: milliseconds per step (CPU time, or wall time for several
 * threads) of `model.fit`, and of the bare
 * training step (forward, loss, gradients, optimizer update on batches already on the backend) that
 * `fit` wraps, both with warm-up steps excluded.
 */
import { tf, type Tensor } from '@strata-ml/core';
import { CategoricalCrossentropy } from '@strata-ml/losses';
import type { Optimizer } from '@strata-ml/optimizers';
import { buildStrataModel, INPUT_SHAPES, type ModelName } from './strata-models';
import { syntheticData } from './synthetic';
import { cpuMs } from './timing';

/** A millisecond clock: CPU time for one thread, wall time for several. */
export type Clock = () => number;

/** Strata's times for one model. */
export interface StrataTiming {
  /** CPU milliseconds per step of `model.fit`. */
  readonly fitMsPerStep: number;
  /** CPU milliseconds per bare training step. */
  readonly stepMsPerStep: number;
}

const BATCH = 128;

function tensors(name: ModelName, n: number): [Tensor, Tensor] {
  const shape = INPUT_SHAPES[name];
  const data = syntheticData(n, shape);
  return [tf.tensor(data.x, [n, ...shape]), tf.tensor(data.y, [n, 10])];
}

/**
 * The same samples as `tensors(name, steps * BATCH)`, as one tensor pair per batch made straight from
 * the arrays: cutting them out of the whole tensor with `tf.slice` would read it back to JavaScript each
 * time (the stock wasm Slice does), and the garbage would be collected during the timed runs.
 */
export function batchTensors(name: ModelName, steps: number): (readonly [Tensor, Tensor])[] {
  const shape = INPUT_SHAPES[name];
  const data = syntheticData(steps * BATCH, shape);
  const xSize = data.x.length / (steps * BATCH);
  return Array.from({ length: steps }, (_, b) => [
    tf.tensor(data.x.subarray(b * BATCH * xSize, (b + 1) * BATCH * xSize), [BATCH, ...shape]),
    tf.tensor(data.y.subarray(b * BATCH * 10, (b + 1) * BATCH * 10), [BATCH, 10]),
  ] as const);
}

/**
 * Times `steps` steps of `fit` and of the bare step for `name`, after `warmup` untimed steps of each. The two
 * are timed alternately in two rounds and each keeps its faster round, so that neither pays alone for the
 * JIT compilation and heap growth of the first timed steps.
 */
export async function timeStrata(name: ModelName, steps: number, warmup: number, clock: Clock = cpuMs): Promise<StrataTiming> {
  const model = buildStrataModel(name);
  const [xWarm, yWarm] = tensors(name, warmup * BATCH);
  const [x, y] = tensors(name, steps * BATCH);
  const optimizer = model.optimizer as Optimizer;
  const loss = new CategoricalCrossentropy();
  const variables = model.trainableWeights.map((w) => w.variable);
  const batches = batchTensors(name, steps);
  const step = (bx: Tensor, by: Tensor): void => {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => loss.compute(by, model.apply(bx, { training: true }) as Tensor) as tf.Scalar, variables);
      optimizer.applyGradients(variables.map((v) => [grads[v.name] as Tensor, v] as const));
    });
  };
  await model.fit(xWarm, yWarm, { batchSize: BATCH, verbose: 0 });
  for (let i = 0; i < warmup; i++) step(...(batches[i % steps] as readonly [Tensor, Tensor]));

  let fitMsPerStep = Number.POSITIVE_INFINITY;
  let stepMsPerStep = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 2; round++) {
    let c0 = clock();
    await model.fit(x, y, { batchSize: BATCH, verbose: 0 });
    fitMsPerStep = Math.min(fitMsPerStep, (clock() - c0) / steps);
    c0 = clock();
    for (const [bx, by] of batches) step(bx, by);
    stepMsPerStep = Math.min(stepMsPerStep, (clock() - c0) / steps);
  }

  tf.dispose([xWarm, yWarm, x, y, ...batches.flat()]);
  model.dispose();
  return { fitMsPerStep, stepMsPerStep };
}
