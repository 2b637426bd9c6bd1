import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn, wasmDataIds } from '../testing/backends';

/** Adam from its definition with tfjs-core ops, on whatever backend is current. */
function adamByOps(w: tf.Tensor, g: tf.Tensor, m: tf.Tensor, v: tf.Tensor, alpha: number, beta1: number, beta2: number, epsilon: number): tf.Tensor[] {
  const newM = tf.add(m, tf.mul(tf.sub(g, m), 1 - beta1));
  const newV = tf.add(v, tf.mul(tf.sub(tf.square(g), v), 1 - beta2));
  return [tf.sub(w, tf.div(tf.mul(newM, alpha), tf.add(tf.sqrt(newV), epsilon))), newM, newV];
}

describe('StrataAdamUpdate (wasm)', () => {
  it('matches a hand-computed step', async () => {
    // g = 2, m = 1, v = 3, β1 = 0.5, β2 = 0.75: m' = 1 + 1·0.5 = 1.5, v' = 3 + (4 - 3)·0.25 = 3.25,
    // w' = 10 - 0.1·1.5/(√3.25 + 0.01) = 9.91737...
    const [w, m, v] = await runOn('wasm', () =>
      tf.engine().runKernel(
        'StrataAdamUpdate',
        { variable: tf.tensor1d([10]), gradient: tf.tensor1d([2]), m: tf.tensor1d([1]), v: tf.tensor1d([3]) },
        { alpha: 0.1, beta1: 0.5, beta2: 0.75, epsilon: 0.01 },
      ) as tf.Tensor[],
    );
    expect(m!.values[0]).toBeCloseTo(1.5, 6);
    expect(v!.values[0]).toBeCloseTo(3.25, 6);
    expect(w!.values[0]).toBeCloseTo(10 - (0.1 * 1.5) / (Math.sqrt(3.25) + 0.01), 5);
  });

  // Sizes around the SIMD width (a JavaScript tail for size mod 4) and a layer's kernel.
  for (const shape of [[1], [3], [4], [7], [129, 3], [784, 256]]) {
    it(`shape [${shape}] agrees with the same update by ops on cpu`, async () => {
      const attrs = { alpha: 0.003, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
      const inputs = () => ({
        variable: randomTensor(shape, 1),
        gradient: randomTensor(shape, 2),
        m: tf.mul(randomTensor(shape, 3), 0.1),
        v: tf.abs(tf.mul(randomTensor(shape, 4), 0.01)),
      });
      const actual = await runOn('wasm', () => tf.engine().runKernel('StrataAdamUpdate', inputs(), attrs) as tf.Tensor[]);
      const expected = await runOn('cpu', () => {
        const i = inputs();
        return adamByOps(i.variable, i.gradient, i.m, i.v, attrs.alpha, attrs.beta1, attrs.beta2, attrs.epsilon);
      });
      for (let k = 0; k < 3; k++) expect(maxScaledError(actual[k]!, expected[k]!)).toBeLessThan(1e-6);
    });
  }

  it('leaves its inputs unchanged and leaks nothing', async () => {
    await tf.setBackend('wasm');
    const w = tf.tensor1d([1, 2, 3, 4, 5]);
    const g = tf.tensor1d([1, 1, 1, 1, 1]);
    const zeros = tf.zeros([5]);
    const before = wasmDataIds();
    const out = tf.engine().runKernel('StrataAdamUpdate', { variable: w, gradient: g, m: zeros, v: zeros }, { alpha: 1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }) as tf.Tensor[];
    expect(wasmDataIds()).toBe(before + 3);
    tf.dispose(out);
    expect(wasmDataIds()).toBe(before);
    expect(Array.from(w.dataSync())).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(zeros.dataSync())).toEqual([0, 0, 0, 0, 0]);
    tf.dispose([w, g, zeros]);
  });

  it('rejects inputs of another shape or dtype, naming them', async () => {
    await tf.setBackend('wasm');
    const attrs = { alpha: 1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
    const run = (g: tf.Tensor) => () => tf.engine().runKernel('StrataAdamUpdate', { variable: tf.zeros([2, 3]), gradient: g, m: tf.zeros([2, 3]), v: tf.zeros([2, 3]) }, attrs);
    expect(run(tf.zeros([3, 2]))).toThrow("StrataAdamUpdate: expected gradient the variable's shape [2, 3], received shape [3, 2]");
    expect(run(tf.zeros([2, 3], 'int32'))).toThrow('StrataAdamUpdate: gradient must be a float32 tensor; received gradient="dtype int32"');
  });
});
