import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, randomValues, runOn, wasmDataIds } from '../testing/backends';
import { maxPoolGradLoop } from './MaxPoolGrad';

type Pair = number | [number, number];

function poolGrad(shape: [number, number, number, number], filter: Pair, stride: Pair, pad: 'same' | 'valid', ties = false): () => tf.Tensor {
  return () => {
    // Inputs rounded to a few levels make ties within windows common.
    const x = ties ? tf.round(tf.mul(randomTensor(shape, 31), 2)) : randomTensor(shape, 31);
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

  it('passes all-negative windows on in every lane of a 4-channel group and in the remaining channels', async () => {
    // Channels 0-3 run four at a time, channel 4 alone.
    const values = [
      [-0.9, -0.2, -0.5, -0.7, -0.3],
      [-0.1, -0.8, -0.6, -0.4, -0.9],
      [-0.5, -0.5, -0.2, -0.6, -0.8],
      [-0.7, -0.6, -0.3, -0.1, -0.4],
    ].flat();
    const [r] = await runOn('wasm', () => {
      const x = tf.tensor4d(values, [1, 2, 2, 5]);
      const y = tf.maxPool(x, 2, 2, 'valid');
      const dy = tf.tensor4d([1, 2, 3, 4, 5], [1, 1, 1, 5]);
      return tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor;
    });
    // Maxima: channel 0 at position 1, channel 1 at 0, channel 2 at 2, channel 3 at 3, channel 4 at 0.
    expect(Array.from(r!.values)).toEqual([0, 2, 0, 0, 5, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 4, 0]);
  });

  it('sends ties to the first maximum and sums overlapping windows in 4-channel groups too', async () => {
    // Four channels hold the same row as the single-channel case above, each scaled, plus a constant channel
    // group whose every window ties throughout: its gradient goes to each window's first position.
    const row = [1, 3, 3, 2, 0, 3];
    const x = row.flatMap((v) => [v, 2 * v, -v, 7, 7, 7, 7, 7]);
    const [r] = await runOn('wasm', () => {
      const xt = tf.tensor4d(x, [1, 1, 6, 8]);
      const y = tf.maxPool(xt, [1, 3], 1, 'valid');
      const dy = tf.tensor4d([1, 2, 4, 8].flatMap((g) => new Array<number>(8).fill(g)), [1, 1, 4, 8]);
      return tf.engine().runKernel('MaxPoolGrad', { dy, input: xt, output: y }, { filterSize: [1, 3], strides: 1, pad: 'valid' }) as tf.Tensor;
    });
    const channel = (c: number): number[] => Array.from(r!.values).filter((_, i) => i % 8 === c);
    expect(channel(0)).toEqual([0, 3, 4, 0, 0, 8]);
    expect(channel(1)).toEqual([0, 3, 4, 0, 0, 8]);
    // -row = [-1, -3, -3, -2, 0, -3]: windows pick index 0, 3, 4, 4.
    expect(channel(2)).toEqual([1, 0, 0, 2, 12, 0]);
    for (const c of [3, 4, 5, 6, 7]) expect(channel(c)).toEqual([1, 2, 4, 8, 0, 0]);
  });

  it('matches the JavaScript loop bit for bit, with ties, -Infinity, NaN, -0 gradients and positions no window covers', async () => {
    const shape: [number, number, number, number] = [2, 9, 7, 6];
    const size = shape.reduce((p, d) => p * d, 1);
    const xs = randomValues(size, 5).map((v) => Math.round(v * 3));
    for (let i = 0; i < size; i += 7) xs[i] = Number.NEGATIVE_INFINITY;
    for (let i = 3; i < size; i += 11) xs[i] = Number.NaN;
    for (const [filter, stride, pad] of [
      [3, 1, 'same'],
      [[2, 3], [2, 1], 'valid'],
      [3, 2, 'same'],
      [2, 2, 'valid'],
      [[2, 1], [3, 2], 'valid'],
      [1, 2, 'same'],
    ] as [Pair, Pair, 'same' | 'valid'][]) {
      const [actual, dyResult] = await runOn('wasm', () => {
        // A freed buffer of non-zeros that the output is likely to reuse: positions no window covers must still read 0.
        tf.dispose(tf.fill(shape, 7));
        const x = tf.tensor4d(xs, shape);
        const y = tf.maxPool(x, filter, stride, pad);
        const dy = tf.tensor(randomValues(y.size, 9).map((v, i) => (i % 5 === 0 ? -0 : v)), y.shape);
        return [tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: filter, strides: stride, pad }) as tf.Tensor, dy];
      });
      const pair = (v: Pair): [number, number] => (typeof v === 'number' ? [v, v] : v);
      const info = tf.backend_util.computePool2DInfo(shape, pair(filter), pair(stride), 1, pad);
      const expected = new Float32Array(size);
      maxPoolGradLoop(info, xs, dyResult!.values, expected);
      expect(new Uint32Array(actual!.values.buffer)).toEqual(new Uint32Array(expected.buffer));
    }
  });

  it('leaves no buffers behind', async () => {
    await tf.setBackend('wasm');
    const before = wasmDataIds();
    const x = randomTensor([2, 6, 6, 4], 3);
    const y = tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid');
    const dx = tf.engine().runKernel('MaxPoolGrad', { dy: y, input: x, output: y }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor;
    expect(wasmDataIds()).toBe(before + 3);
    tf.dispose([x, y, dx]);
    expect(wasmDataIds()).toBe(before);
  });

  for (const [shape, filter, stride, pad, ties] of [
    [[2, 8, 6, 3], 2, 2, 'valid'],
    [[2, 7, 7, 3], 3, 2, 'same'],
    [[1, 5, 9, 4], 3, 1, 'same'],
    [[3, 1, 1, 2], 1, 1, 'valid'],
    [[2, 26, 26, 64], 2, 2, 'valid'],
    [[3, 11, 11, 8], 2, 2, 'valid', true],
    [[2, 9, 10, 13], 3, 1, 'same', true],
    [[2, 8, 9, 6], [2, 3], [1, 2], 'same', true],
    [[1, 7, 7, 4], [3, 2], [2, 3], 'valid'],
  ] as [[number, number, number, number], Pair, Pair, 'same' | 'valid', boolean?][]) {
    it(`x ${shape} filter ${filter} stride ${stride} ${pad}${ties ? ' with ties' : ''} agrees with cpu`, async () => {
      const [actual] = await runOn('wasm', poolGrad(shape, filter, stride, pad, ties));
      const [expected] = await runOn('cpu', poolGrad(shape, filter, stride, pad, ties));
      // Sums of at most a few dy values: exact up to float32 rounding.
      expect(maxScaledError(actual!, expected!)).toBeLessThan(1e-6);
    });
  }
});
