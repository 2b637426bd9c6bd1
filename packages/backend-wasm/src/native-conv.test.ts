import { runInChild } from './testing/child';

/**
 * Convolutions large enough to be split over two threads (batches that do not divide evenly, Cin = 1 at
 * stride 2, padding), forward and both gradients through `tf.grads`, against the cpu backend in the same
 * child. Each error is the largest difference over the largest reference value of that tensor.
 */
const CHILD = `
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const { backendInfo } = require('./src/index.ts');
const CASES = [
  [[7, 14, 14, 8], [3, 3, 8, 16], 1, 'same'],
  [[5, 30, 30, 1], [3, 3, 1, 32], 2, 'valid'],
  [[3, 13, 13, 64], [3, 3, 64, 64], 1, 'valid'],
];
function compute() {
  return CASES.map(([xShape, fShape, stride, pad], i) => tf.tidy(() => {
    const x = tf.randomUniform(xShape, -1, 1, 'float32', 10 + i);
    const f = tf.randomUniform(fShape, -1, 1, 'float32', 20 + i);
    const conv = (a, b) => tf.conv2d(a, b, stride, pad);
    const y = conv(x, f);
    const dy = tf.randomUniform(y.shape, -1, 1, 'float32', 30 + i);
    const [dx, df] = tf.grads(conv)([x, f], dy);
    return [y, dx, df].map((t) => t.dataSync().slice());
  }));
}
(async () => {
  await tf.setBackend('wasm');
  const info = await backendInfo();
  const actual = compute();
  const tensors = tf.memory().numTensors;
  await tf.setBackend('cpu');
  const expected = compute();
  const errors = actual.map((outs, i) => outs.map((a, j) => {
    const e = expected[i][j];
    let diff = 0, scale = 0;
    for (let q = 0; q < e.length; q++) {
      diff = Math.max(diff, Math.abs(a[q] - e[q]));
      scale = Math.max(scale, Math.abs(e[q]));
    }
    return diff / scale;
  }));
  console.log(JSON.stringify({ threads: info.threads, tensors, errors }));
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

describe('convolutions on two threads', () => {
  it('forward, input and filter gradients match the cpu backend', async () => {
    const result = await runInChild<{ threads: number; tensors: number; errors: number[][] }>(CHILD, { STRATA_WASM_THREADS: '2' });
    expect(result.threads).toBe(2);
    expect(result.tensors).toBe(0);
    expect(result.errors).toHaveLength(3);
    for (const errors of result.errors) {
      expect(errors).toHaveLength(3);
      for (const err of errors) expect(err).toBeLessThan(1e-5);
    }
  }, 60000);
});
