/**
 * Test support: runs a model in Strata and its ONNX export in ONNX Runtime (onnxruntime-node's CPU build,
 * in a worker process: `ort-worker.cjs`) on the same inputs, and measures how far apart the outputs are.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { RandomGenerator, setRandomSeed, tf, type Tensor } from '@strata-ml/core';
import type { Shape } from '@strata-ml/layers';
import type { Model } from '../../src/model';
import { modelToOnnx } from '../../src/export/onnx/export-onnx';

/** How two sets of outputs differ: the largest |a − b|, and that over the output's largest |b| (its relative error). */
export interface OutputError {
  readonly maxAbs: number;
  readonly maxRel: number;
}

/** Random inputs for `shape` with the batch dim set: uniform in [-1, 1), or integers below `indices`. */
export function randomInput(shape: Shape, batch: number, seed: number, indices?: number): Tensor {
  const rng = new RandomGenerator(seed);
  const dims = [batch, ...shape.slice(1).map((d) => d as number)];
  const n = dims.reduce((p, d) => p * d, 1);
  const values = Float32Array.from({ length: n }, () => (indices !== undefined ? Math.floor(rng.nextFloat() * indices) : 2 * rng.nextFloat() - 1));
  return tf.tensor(values, dims, 'float32');
}

/**
 * Gives every weight random values in [-scale, scale) (BatchNormalization's variance and scale in
 * 1 ± scale), so no weight stays at its initializer.
 */
export function randomize(model: Model, seed: number, scale = 0.5): void {
  setRandomSeed(seed);
  let next = seed;
  for (const layer of model.layers) {
    const values = layer.weights.map((w) => {
      const positive = /moving_variance|gamma/.test(w.name);
      return tf.randomUniform(w.shape, positive ? 1 - scale : -scale, positive ? 1 + scale : scale, 'float32', next++);
    });
    if (values.length > 0) layer.setWeights(values);
    tf.dispose(values);
  }
}

interface OrtOutput {
  name: string;
  dims: number[];
  data: Float32Array;
}

let worker: ChildProcess | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (o: OrtOutput[]) => void; reject: (e: Error) => void }>();

function ortWorker(): ChildProcess {
  if (worker !== null) return worker;
  const child = fork(join(__dirname, 'ort-worker.cjs'), [], { serialization: 'advanced', execArgv: [] });
  child.on('message', (m: { id: number; outputs?: OrtOutput[]; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined) w?.reject(new Error(`ONNX Runtime: ${m.error}`));
    else w?.resolve(m.outputs as OrtOutput[]);
  });
  child.unref();
  worker = child;
  return child;
}

/** Stops the ONNX Runtime worker (call in `afterAll`). */
export function stopOrt(): void {
  worker?.disconnect();
  worker = null;
}

/** Runs ONNX bytes in ONNX Runtime on float32 inputs (in the model's input order). */
export function runOrt(bytes: Uint8Array, inputNames: string[], inputs: Tensor[]): Promise<OrtOutput[]> {
  const id = nextId++;
  const feeds = Object.fromEntries(inputNames.map((name, i) => [name, { data: Float32Array.from((inputs[i] as Tensor).dataSync()), dims: (inputs[i] as Tensor).shape }]));
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    ortWorker().send({ id, model: bytes, feeds });
  });
}

/** Runs `model` in Strata and in ONNX Runtime on `inputs`; returns the error between them. */
export async function compareWithOrt(model: Model, inputs: Tensor[], bytes: Uint8Array = modelToOnnx(model)): Promise<OutputError> {
  const outputs = await runOrt(bytes, model.inputNames, inputs);
  const strata = model.predictOnBatch(inputs.length === 1 ? (inputs[0] as Tensor) : inputs);
  const expected = Array.isArray(strata) ? strata : [strata];
  let maxAbs = 0;
  let maxRel = 0;
  outputs.forEach((got, i) => {
    const want = expected[i] as Tensor;
    if (JSON.stringify(got.dims) !== JSON.stringify(want.shape)) {
      throw new Error(`output ${got.name}: ONNX Runtime gives shape [${got.dims.join(', ')}], Strata [${want.shape.join(', ')}]`);
    }
    const b = want.dataSync();
    let scale = 0;
    let worst = 0;
    for (let j = 0; j < b.length; j++) {
      const diff = Math.abs((got.data[j] as number) - (b[j] as number));
      worst = Math.max(worst, Number.isNaN(diff) ? Infinity : diff);
      scale = Math.max(scale, Math.abs(b[j] as number));
    }
    maxAbs = Math.max(maxAbs, worst);
    maxRel = Math.max(maxRel, worst / Math.max(scale, 1e-30));
  });
  tf.dispose(expected);
  return { maxAbs, maxRel };
}
