import { runInChild } from '../testing/child';

/**
 * Both kernels on the threaded backend (2 threads) for sequences large enough to be split (70 rows: blocks of
 * 36 and 34; 96 units), against the JavaScript reference loops, in a child process: the thread count is
 * fixed when the backend starts.
 */
const CHILD = `
const tf = require('@tensorflow/tfjs-core');
const { backendInfo } = require('./src/index.ts');
const { simpleRNNForward, simpleRNNBackward } = require('./src/kernels/StrataSimpleRNNReference.ts');
const { randomValues } = require('./src/testing/backends.ts');
(async () => {
  await tf.setBackend('wasm');
  const info = await backendInfo();
  const worst = [];
  for (const [steps, batch, units] of [[3, 70, 96], [1, 64, 128]]) {
    const sizes = { steps, batch, units };
    const x = randomValues(steps * batch * units, 1);
    const u = randomValues(units * units, 2).map((v) => (1.5 * v) / Math.sqrt(units));
    const h0 = randomValues(batch * units, 3);
    const dh = randomValues(steps * batch * units, 4);
    const states = tf.engine().runKernel('StrataSimpleRNN', { inputs: tf.tensor3d(x, [steps, batch, units]), recurrentKernel: tf.tensor2d(u, [units, units]), initialState: tf.tensor2d(h0, [batch, units]) });
    const grads = tf.engine().runKernel('StrataSimpleRNNGrad', { dStates: tf.tensor3d(dh, [steps, batch, units]), states, recurrentKernel: tf.tensor2d(u, [units, units]), initialState: tf.tensor2d(h0, [batch, units]) });
    const expected = [new Float32Array(steps * batch * units), new Float32Array(steps * batch * units), new Float32Array(units * units), new Float32Array(batch * units)];
    simpleRNNForward(sizes, x, u, h0, expected[0]);
    simpleRNNBackward(sizes, dh, expected[0], u, h0, expected[1], expected[2], expected[3]);
    [states, ...grads].forEach((t, k) => {
      const actual = t.dataSync();
      let err = 0;
      expected[k].forEach((e, i) => (err = Math.max(err, Math.abs(actual[i] - e) / (1 + Math.abs(e)))));
      worst.push(err);
    });
  }
  console.log(JSON.stringify({ threads: info.threads, worst }));
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

describe('StrataSimpleRNN and StrataSimpleRNNGrad on threads', () => {
  it('split over 2 threads, states and gradients equal the reference loops', async () => {
    const result = await runInChild<{ threads: number; worst: number[] }>(CHILD, { STRATA_WASM_THREADS: '2' });
    expect(result.threads).toBe(2);
    expect(result.worst).toHaveLength(8);
    for (const err of result.worst) expect(err).toBeLessThan(2e-5);
  }, 60000);
});
