import { nativeModuleBytes } from './native-kernels';
import { runInChild } from './testing/child';

/**
 * In a child whose engine runs relaxed SIMD (Node 22+, or Node 20 behind its flag): the backend picks the
 * relaxed build, and Strata's kernels on it agree with the cpu backend (products in every transpose
 * combination, convolution with both gradients, tanh, the SimpleRNN kernels) and with the SIMD128 build
 * run on the same inputs.
 */
const CHILD = `
const tf = require('@tensorflow/tfjs-core');
require('@strata-ml/core');
require('@tensorflow/tfjs-backend-cpu');
const { backendInfo } = require('./src/index.ts');
const { nativeModuleBytes } = require('./src/native-kernels.ts');
const { randomValues } = require('./src/testing/backends.ts');

const worstRelative = (a, b) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - b[i]) / (1 + Math.abs(b[i]))), 0);

function computations() {
  const t = (shape, seed) => tf.tensor(randomValues(shape.reduce((p, d) => p * d, 1), seed), shape);
  const out = {};
  out.matMul = tf.matMul(t([67, 129], 1), t([129, 45], 2));
  out.matMulTT = tf.matMul(t([129, 67], 3), t([45, 129], 4), true, true);
  out.fused = tf.fused.matMul({ a: t([33, 300], 5), b: t([300, 20], 6), bias: t([20], 7), activation: 'relu' });
  const x = t([3, 11, 11, 5], 8);
  const w = t([3, 3, 5, 12], 9);
  const [dx, dw] = tf.grads((a, b) => tf.sum(tf.mul(tf.conv2d(a, b, 1, 'same'), t([3, 11, 11, 12], 10))))([x, w]);
  out.conv = tf.conv2d(x, w, 1, 'same');
  out.convDx = dx;
  out.convDw = dw;
  out.tanh = tf.tanh(tf.mul(t([1001], 11), 5));
  return out;
}

(async () => {
  await tf.setBackend('wasm');
  const info = await backendInfo();
  const onWasm = tf.tidy(() => Object.fromEntries(Object.entries(computations()).map(([k, v]) => [k, v.dataSync().slice()])));
  await tf.setBackend('cpu');
  const onCpu = tf.tidy(() => Object.fromEntries(Object.entries(computations()).map(([k, v]) => [k, v.dataSync().slice()])));
  const againstCpu = Object.fromEntries(Object.keys(onWasm).map((k) => [k, worstRelative(onWasm[k], onCpu[k])]));

  // Both builds on one memory, the same product: 96 x 512 x 40, operands in [-1, 1).
  const memory = new WebAssembly.Memory({ initial: 64 });
  const heap = new Float32Array(memory.buffer);
  const [m, k, n] = [96, 512, 40];
  heap.set(randomValues(m * k, 12), 0);
  heap.set(randomValues(k * n, 13), m * k);
  const results = {};
  for (const build of ['simd128', 'relaxed-simd']) {
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(nativeModuleBytes(build, false)), { env: { memory } });
    const c = m * k + k * n;
    exports.gemm(m, n, k, 0, k, 1, 4 * m * k, n, 1, 4 * c, n, 0, 0, 0, 4 * (c + m * n + 4));
    results[build] = heap.slice(c, c + m * n);
  }
  const betweenBuilds = worstRelative(results['relaxed-simd'], results.simd128);
  console.log(JSON.stringify({ nativeInstructions: info.nativeInstructions, againstCpu, betweenBuilds }));
})().catch((error) => { console.error(error.stack); process.exit(1); });
`;

describe('relaxed SIMD', () => {
  it('is the build the backend picks where the engine has it, and agrees with the cpu backend and with SIMD128', async () => {
    const flags = WebAssembly.validate(nativeModuleBytes('relaxed-simd', false)) ? [] : ['--experimental-wasm-relaxed-simd'];
    const result = await runInChild<{ nativeInstructions: string; againstCpu: Record<string, number>; betweenBuilds: number }>(CHILD, {}, flags);
    expect(result.nativeInstructions).toBe('relaxed-simd');
    for (const [name, worst] of Object.entries(result.againstCpu)) expect([name, worst < 1e-5]).toEqual([name, true]);
    expect(result.betweenBuilds).toBeLessThan(1e-5);
  }, 60000);
});
