import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn } from '../testing/backends';

type Pad = 'same' | 'valid';

function poolGrad(shape: [number, number, number, number], filter: number, stride: number, pad: Pad): () => tf.Tensor {
  return () => {
    const x = randomTensor(shape, 41);
    const dy = randomTensor(tf.avgPool(x as tf.Tensor4D, filter, stride, pad).shape, 42);
    return tf.engine().runKernel('AvgPoolGrad', { dy, input: x }, { filterSize: filter, strides: stride, pad }) as tf.Tensor;
  };
}

/**
 * The gradient of Σ avgPool(x) · dy by finite differences of the forward op: avgPool is linear, so a unit
 * step in one input changes the sum by exactly that input's gradient (up to float32 rounding).
 */
async function finiteDifferences(shape: [number, number, number, number], filter: number, stride: number, pad: Pad): Promise<Float32Array> {
  await tf.setBackend('wasm');
  return tf.tidy(() => {
    const x = randomTensor(shape, 41);
    const dy = randomTensor(tf.avgPool(x as tf.Tensor4D, filter, stride, pad).shape, 42);
    const loss = (t: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(t as tf.Tensor4D, filter, stride, pad), dy)).dataSync()[0] as number;
    const base = loss(x);
    const size = x.size;
    const out = new Float32Array(size);
    for (let i = 0; i < size; i++) out[i] = loss(tf.add(x, tf.reshape(tf.oneHot(tf.tensor1d([i], 'int32'), size), shape))) - base;
    return out;
  });
}

describe('AvgPoolGrad (wasm)', () => {
  it('spreads each gradient over the positions its window averaged, padding excluded', async () => {
    // 2x2 windows, stride 1, 'same' over 3x3 (padding after): windows of the last row and column hold 2
    // positions, the bottom-right one 1, the others 4. dx sums 1/count over the windows covering it.
    const [r] = await runOn('wasm', () =>
      tf.engine().runKernel(
        'AvgPoolGrad',
        { dy: tf.ones([1, 3, 3, 1]), input: tf.zeros([1, 3, 3, 1]) },
        { filterSize: 2, strides: 1, pad: 'same' },
      ) as tf.Tensor,
    );
    expect(Array.from(r!.values)).toEqual([0.25, 0.5, 0.75, 0.5, 1, 1.5, 0.75, 1.5, 2.25]);
  });

  for (const [shape, filter, stride, pad] of [
    [[1, 5, 4, 2], 3, 2, 'same'],
    [[2, 3, 3, 1], 2, 1, 'same'],
    [[1, 4, 6, 3], 2, 2, 'valid'],
  ] as [[number, number, number, number], number, number, Pad][]) {
    it(`matches finite differences of the forward pool: x ${shape} filter ${filter} stride ${stride} ${pad}`, async () => {
      const [actual] = await runOn('wasm', poolGrad(shape, filter, stride, pad));
      const expected = await finiteDifferences(shape, filter, stride, pad);
      // The loss is a sum of ~10-40 terms near 1: a float32 difference of two such sums is good to ~1e-5.
      expect(maxScaledError(actual!, { shape, values: expected })).toBeLessThan(1e-4);
    });
  }

  for (const [shape, filter, stride] of [
    [[2, 8, 6, 3], 2, 2],
    [[2, 7, 7, 3], 3, 2],
  ] as [[number, number, number, number], number, number][]) {
    it(`agrees with the cpu backend for valid padding: x ${shape} filter ${filter} stride ${stride}`, async () => {
      const [actual] = await runOn('wasm', poolGrad(shape, filter, stride, 'valid'));
      const [expected] = await runOn('cpu', poolGrad(shape, filter, stride, 'valid'));
      expect(maxScaledError(actual!, expected!)).toBeLessThan(1e-6);
    });
  }
});
