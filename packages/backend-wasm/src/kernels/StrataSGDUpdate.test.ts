import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn } from '../testing/backends';

describe('StrataSGDUpdate (wasm)', () => {
  it('matches hand-computed steps with and without (Nesterov) momentum', async () => {
    // w = 1, g = 2, m = 0.5, lr = 0.1: plain w' = 0.8; momentum 0.9: m' = 0.45 - 0.2 = 0.25, w' = 1.25;
    // Nesterov: w' = 1 + 0.9·0.25 - 0.2 = 1.025.
    const step = (momentum: number, nesterov: number) =>
      runOn('wasm', () =>
        tf.engine().runKernel(
          'StrataSGDUpdate',
          { variable: tf.tensor1d([1]), gradient: tf.tensor1d([2]), m: tf.tensor1d([0.5]) },
          { learningRate: 0.1, momentum, nesterov },
        ) as tf.Tensor[],
      );
    const [plain] = await step(0, 0);
    expect(plain!.values[0]).toBeCloseTo(0.8, 6);
    const [w, m] = await step(0.9, 0);
    expect(m!.values[0]).toBeCloseTo(0.25, 6);
    expect(w!.values[0]).toBeCloseTo(1.25, 6);
    const [wn] = await step(0.9, 1);
    expect(wn!.values[0]).toBeCloseTo(1.025, 6);
  });

  for (const shape of [[5], [256, 256]]) {
    it(`shape [${shape}] with Nesterov momentum agrees with the same update by ops on cpu`, async () => {
      const inputs = () => ({ variable: randomTensor(shape, 1), gradient: randomTensor(shape, 2), m: randomTensor(shape, 3) });
      const actual = await runOn('wasm', () => tf.engine().runKernel('StrataSGDUpdate', inputs(), { learningRate: 0.01, momentum: 0.8, nesterov: 1 }) as tf.Tensor[]);
      const expected = await runOn('cpu', () => {
        const { variable, gradient, m } = inputs();
        const step = tf.mul(gradient, 0.01);
        const newM = tf.sub(tf.mul(m, 0.8), step);
        return [tf.add(variable, tf.sub(tf.mul(newM, 0.8), step)), newM];
      });
      expect(maxScaledError(actual[0]!, expected[0]!)).toBeLessThan(1e-6);
      expect(maxScaledError(actual[1]!, expected[1]!)).toBeLessThan(1e-6);
    });
  }
});
