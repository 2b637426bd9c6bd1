import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn } from '../testing/backends';

function poolGrad(shape: [number, number, number, number], filter: number, stride: number, pad: 'same' | 'valid'): () => tf.Tensor {
  return () => {
    const x = randomTensor(shape, 31);
    const y = tf.maxPool(x as tf.Tensor4D, filter, stride, pad);
    const dy = randomTensor(y.shape, 32);
    return tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: filter, strides: stride, pad }) as tf.Tensor;
  };
}

describe('MaxPoolGrad (wasm)', () => {
  it('passes the gradient of an all-negative window to its maximum', async () => {
    const [r] = await runOn('wasm', () => {
      const x = tf.tensor4d([-0.26, -0.93, -0.7, -0.61], [1, 2, 2, 1]);
      const y = tf.maxPool(x, 2, 2, 'valid');
      const dy = tf.tensor4d([5], [1, 1, 1, 1]);
      return tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor;
    });
    expect(Array.from(r!.values)).toEqual([5, 0, 0, 0]);
  });

  it('sends each gradient to the first maximum on ties and sums overlapping windows', async () => {
    const [r] = await runOn('wasm', () => {
      const x = tf.tensor4d([1, 3, 3, 2, 0, 3], [1, 1, 6, 1]);
      const y = tf.maxPool(x, [1, 3], 1, 'valid');
      const dy = tf.tensor4d([1, 2, 4, 8], [1, 1, 4, 1]);
      return tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: [1, 3], strides: 1, pad: 'valid' }) as tf.Tensor;
    });
    // Windows [1,3,3] → index 1, [3,3,2] → index 1, [3,2,0] → index 2, [2,0,3] → index 5.
    expect(Array.from(r!.values)).toEqual([0, 1 + 2, 4, 0, 0, 8]);
  });

  for (const [shape, filter, stride, pad] of [
    [[2, 8, 6, 3], 2, 2, 'valid'],
    [[2, 7, 7, 3], 3, 2, 'same'],
    [[1, 5, 9, 4], 3, 1, 'same'],
    [[3, 1, 1, 2], 1, 1, 'valid'],
  ] as [[number, number, number, number], number, number, 'same' | 'valid'][]) {
    it(`x ${shape} filter ${filter} stride ${stride} ${pad} agrees with cpu`, async () => {
      const [actual] = await runOn('wasm', poolGrad(shape, filter, stride, pad));
      const [expected] = await runOn('cpu', poolGrad(shape, filter, stride, pad));
      // Sums of at most a few dy values: exact up to float32 rounding.
      expect(maxScaledError(actual!, expected!)).toBeLessThan(1e-6);
    });
  }
});
