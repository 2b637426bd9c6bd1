/**
 * The jax-js side of the training benchmark (the MLP only), in its own process: the seed MLP with both
 * dropouts, softmax cross-entropy and Adam (Keras's settings), as one `jit`-compiled training step on
 * jax-js's wasm device, which runs on one thread in Node (its worker pool needs a global `Worker`).
 * Prints one JSON line `JaxResult`.
 *
 *   node dist/jax-child.js <steps> <warmupSteps>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { init, jit, nn, numpy as np, random, valueAndGrad } from '@jax-js/jax';
import { syntheticData } from './synthetic';
import { cpuMs } from './timing';

/** What the child reports. */
export interface JaxResult {
  readonly version: string;
  readonly cpuMsPerStep: number;
  readonly wallMsPerStep: number;
}

const BATCH = 128;
const KEEP = 0.55;
const [LR, BETA1, BETA2, EPSILON] = [0.001, 0.9, 0.999, 1e-7];
const SHAPES = [[784, 256], [256], [256, 256], [256], [256, 10], [10]];

type Params = np.Array[];

/** Mean cross-entropy of the MLP on one batch; consumes every argument (jax-js's ownership rules). */
function loss(params: Params, x: np.Array, y: np.Array, key1: np.Array, key2: np.Array): np.Array {
  const [w1, b1, w2, b2, w3, b3] = params as [np.Array, np.Array, np.Array, np.Array, np.Array, np.Array];
  const dropout = (h: np.Array, key: np.Array): np.Array => h.mul(random.bernoulli(key, KEEP, [BATCH, 256]).astype(np.float32)).mul(1 / KEEP);
  let h = dropout(nn.relu(np.matmul(x, w1).add(b1)), key1);
  h = dropout(nn.relu(np.matmul(h, w2).add(b2)), key2);
  return nn.logSoftmax(np.matmul(h, w3).add(b3), -1).mul(y).sum().mul(-1 / BATCH);
}

/** One Adam step; `stepSize` and `vScale` carry the bias corrections of this step. */
const trainStep = jit((params: Params, m: Params, v: Params, x: np.Array, y: np.Array, key1: np.Array, key2: np.Array, stepSize: np.Array, vScale: np.Array) => {
  const [value, grads] = valueAndGrad(loss)(params.map((p) => p.ref), x, y, key1, key2);
  const next: [Params, Params, Params] = [[], [], []];
  grads.forEach((g: np.Array, i: number) => {
    const mi = (m[i] as np.Array).mul(BETA1).add(g.ref.mul(1 - BETA1));
    const vi = (v[i] as np.Array).mul(BETA2).add(g.ref.mul(g).mul(1 - BETA2));
    next[0].push((params[i] as np.Array).sub(mi.ref.mul(stepSize.ref).div(np.sqrt(vi.ref.mul(vScale.ref)).add(EPSILON))));
    next[1].push(mi);
    next[2].push(vi);
  });
  stepSize.dispose();
  vScale.dispose();
  return [value, ...next] as [np.Array, Params, Params, Params];
});

/** The installed jax-js version (its `exports` do not list package.json, so read it beside its entry). */
function installedVersion(): string {
  const manifest = path.join(path.dirname(require.resolve('@jax-js/jax')), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const [steps, warmup] = process.argv.slice(2).map(Number) as [number, number];
  await init('wasm');
  let params: Params = SHAPES.map((s, i) => (s.length === 2 ? random.uniform(random.key(i + 1), s).sub(0.5).mul(0.1) : np.zeros(s)));
  let m: Params = SHAPES.map((s) => np.zeros(s));
  let v: Params = SHAPES.map((s) => np.zeros(s));
  const data = syntheticData(BATCH, [784]);
  const x = np.array(data.x).reshape([BATCH, 784]);
  const y = np.array(data.y).reshape([BATCH, 10]);
  let t = 0;
  const step = (): np.Array => {
    t++;
    const stepSize = LR / (1 - BETA1 ** t);
    const vScale = 1 / (1 - BETA2 ** t);
    const [value, p, m1, v1] = trainStep(params, m, v, x.ref, y.ref, random.key(2 * t), random.key(2 * t + 1), stepSize, vScale);
    [params, m, v] = [p, m1, v1];
    return value;
  };
  for (let i = 0; i < warmup; i++) await step().data();
  const c0 = cpuMs();
  const w0 = performance.now();
  let last: np.Array | null = null;
  for (let i = 0; i < steps; i++) {
    last?.dispose();
    last = step();
  }
  await last?.data();
  const result: JaxResult = {
    version: installedVersion(),
    cpuMsPerStep: (cpuMs() - c0) / steps,
    wallMsPerStep: (performance.now() - w0) / steps,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) void main();
