import * as tf from '@tensorflow/tfjs-core';
import { randomValues, runOn } from '../testing/backends';
import { fastTanh } from './Tanh';

describe('Tanh (wasm)', () => {
  it('is within 4e-7 of Math.tanh from -10 to 10, odd, and keeps NaN and the limits', () => {
    let worst = 0;
    for (let x = -10; x <= 10; x += 1e-4) worst = Math.max(worst, Math.abs(fastTanh(x) - Math.tanh(x)));
    expect(worst).toBeLessThan(4e-7);
    expect(fastTanh(0)).toBe(0);
    expect(fastTanh(-0.3)).toBe(-fastTanh(0.3));
    expect(fastTanh(Infinity)).toBeCloseTo(1, 6);
    expect(fastTanh(-Infinity)).toBeCloseTo(-1, 6);
    expect(fastTanh(NaN)).toBeNaN();
    // Below 1e-4 the relative error matters (tiny activations): it stays below 1e-6 there too.
    for (const x of [1e-4, 1e-8, 1e-20]) expect(Math.abs(fastTanh(x) / Math.tanh(x) - 1)).toBeLessThan(1e-6);
  });

  it('agrees with cpu on random [128, 257] inputs in [-6, 6), forward and gradient', async () => {
    const values = randomValues(128 * 257, 7).map((v) => 6 * v);
    const run = () => {
      const x = tf.tensor2d(values, [128, 257]);
      const dy = tf.tensor2d(randomValues(128 * 257, 8), [128, 257]);
      return [tf.tanh(x), tf.grad((t: tf.Tensor) => tf.tanh(t))(x, dy)];
    };
    const actual = await runOn('wasm', run);
    const expected = await runOn('cpu', run);
    for (let k = 0; k < 2; k++) {
      let worst = 0;
      actual[k]!.values.forEach((a, i) => (worst = Math.max(worst, Math.abs(a - (expected[k]!.values[i] as number)))));
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it('covers a size that is not a multiple of 4 (SIMD body, JavaScript tail)', async () => {
    const values = Array.from({ length: 21 }, (_, i) => (i - 10) * 0.9);
    const [r] = await runOn('wasm', () => tf.tanh(tf.tensor2d(values, [3, 7])));
    r!.values.forEach((v, i) => expect(Math.abs(v - Math.tanh(values[i] as number))).toBeLessThan(1e-6));
  });

  it('rejects int32 input, naming it', async () => {
    await tf.setBackend('wasm');
    expect(() => tf.engine().runKernel('Tanh', { x: tf.tensor1d([1], 'int32') })).toThrow('Tanh: x must be a float32 tensor; received x="dtype int32"');
  });
});
