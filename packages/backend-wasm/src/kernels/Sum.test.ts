import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn, wasmDataIds } from '../testing/backends';
import { leadingAxes } from './Sum';

describe('Sum (wasm)', () => {
  it('takes over exactly the reductions over leading axes', () => {
    expect(leadingAxes([0], 2)).toBe(1);
    expect(leadingAxes([2, 0, 1], 4)).toBe(3);
    expect(leadingAxes([1], 2)).toBe(0);
    expect(leadingAxes([0, 2], 3)).toBe(0);
    expect(leadingAxes([0, 1], 2)).toBe(0); // everything: the stock kernel's full reduction
  });

  it('matches a hand-computed column sum', async () => {
    const [r] = await runOn('wasm', () => tf.sum(tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), [0, 1]));
    expect(r!.shape).toEqual([2]);
    expect(Array.from(r!.values)).toEqual([16, 20]);
  });

  const cases: [number[], number | number[] | undefined, boolean][] = [
    [[128, 26, 26, 64], [0, 1, 2], false],
    [[128, 256], 0, false],
    [[7, 5, 3], [1, 0], true],
    [[7, 5, 3], [2], false],
    [[7, 5, 3], [0, 2], true],
    [[7, 5, 3], undefined, false],
    [[1, 9], 0, false],
  ];
  for (const [shape, axis, keepDims] of cases) {
    it(`shape [${shape}] axis ${JSON.stringify(axis)} keepDims ${keepDims} agrees with cpu`, async () => {
      const run = () => tf.sum(randomTensor(shape, 5), axis, keepDims);
      const [actual] = await runOn('wasm', run);
      const [expected] = await runOn('cpu', run);
      // Sums of up to ~86,000 values in [-1, 1): float32 rounding of the reference dominates.
      expect(maxScaledError(actual!, expected!)).toBeLessThan(2e-4);
    });
  }

  it('gives the bias gradient of a convolution layer (through tf.grad) as cpu does', async () => {
    const run = () => {
      const x = randomTensor([4, 6, 6, 3], 1);
      const bias = randomTensor([3], 2);
      return tf.grad((b: tf.Tensor) => tf.sum(tf.square(tf.add(x, b))))(bias);
    };
    const [actual] = await runOn('wasm', run);
    const [expected] = await runOn('cpu', run);
    expect(maxScaledError(actual!, expected!)).toBeLessThan(1e-5);
  });

  it('sums int32 through the stock kernel and leaks nothing', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32');
    const before = wasmDataIds();
    const out = tf.sum(x, 0);
    expect(out.dtype).toBe('int32');
    expect(Array.from(out.dataSync())).toEqual([4, 6]);
    expect(wasmDataIds()).toBe(before + 1);
    tf.dispose([x, out]);
  });
});
