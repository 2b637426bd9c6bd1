import * as os from 'node:os';
import { runInChild } from './testing/child';

/** Products large enough to be split over threads, checked against a float64 reference in the child. */
const CHILD = `
const tf = require('@tensorflow/tfjs-core');
const { backendInfo } = require('./src/index.ts');
(async () => {
  await tf.setBackend('wasm');
  const info = await backendInfo();
  const worst = [];
  for (const [m, k, n, tA, tB] of [[130, 200, 40, false, false], [256, 300, 30, true, false], [97, 160, 50, false, true], [300, 64, 33, true, true]]) {
    const a = tf.randomUniform(tA ? [k, m] : [m, k], -1, 1);
    const b = tf.randomUniform(tB ? [n, k] : [k, n], -1, 1);
    const bias = tf.randomUniform([n], -1, 1);
    const c = tf.fused.matMul({ a, b, transposeA: tA, transposeB: tB, bias, activation: 'relu' });
    const [av, bv, biasv, cv] = [a.dataSync(), b.dataSync(), bias.dataSync(), c.dataSync()];
    let err = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let s = biasv[j];
      for (let q = 0; q < k; q++) s += av[tA ? q * m + i : i * k + q] * bv[tB ? j * k + q : q * n + j];
      err = Math.max(err, Math.abs(Math.max(s, 0) - cv[i * n + j]));
    }
    worst.push(err);
  }
  console.log(JSON.stringify({ binary: info.binary, threads: info.threads, worst }));
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

async function child(env: Record<string, string>): Promise<{ binary: string; threads: number; worst: number[] }> {
  return runInChild(CHILD, env);
}

describe('threads in Node', () => {
  it('STRATA_WASM_THREADS=2 starts the threaded binary, and split products stay exact', async () => {
    const result = await child({ STRATA_WASM_THREADS: '2' });
    expect(result.binary).toBe('tfjs-backend-wasm-threaded-simd.wasm');
    expect(result.threads).toBe(2);
    for (const err of result.worst) expect(err).toBeLessThan(1e-4);
  }, 60000);

  it('STRATA_WASM_THREADS=1 stays on the single-threaded binary', async () => {
    const result = await child({ STRATA_WASM_THREADS: '1' });
    expect(result.binary).toBe('tfjs-backend-wasm-simd.wasm');
    expect(result.threads).toBe(1);
    for (const err of result.worst) expect(err).toBeLessThan(1e-4);
  }, 60000);

  it('computes on the available parallelism by default (at most 8 threads)', async () => {
    const result = await child({ STRATA_WASM_THREADS: '' });
    const threads = Math.min(os.availableParallelism(), 8);
    expect(result.binary).toBe(threads > 1 ? 'tfjs-backend-wasm-threaded-simd.wasm' : 'tfjs-backend-wasm-simd.wasm');
    expect(result.threads).toBe(threads);
    for (const err of result.worst) expect(err).toBeLessThan(1e-4);
  }, 60000);

  it('names a bad STRATA_WASM_THREADS', async () => {
    await expect(child({ STRATA_WASM_THREADS: 'two' })).rejects.toThrow('setBackend: STRATA_WASM_THREADS must be a positive integer; received STRATA_WASM_THREADS="two"');
  }, 60000);
});
