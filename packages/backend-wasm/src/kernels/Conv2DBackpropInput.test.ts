import * as tf from '@tensorflow/tfjs-core';
import { backend_util } from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn, wasmDataIds } from '../testing/backends';

// Each input-gradient entry sums at most filterHeight·filterWidth·outChannels (<= 288) products; errors
// are measured against the same sum over absolute values, the scale of float32 rounding.
const TOLERANCE = 1e-5;

interface InputCase {
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: 'same' | 'valid' | number;
}

const CASES: InputCase[] = [
  { x: [2, 7, 9, 3], filter: [3, 3, 3, 4], strides: [1, 1], pad: 'same' },
  { x: [2, 7, 9, 3], filter: [3, 3, 3, 4], strides: [2, 2], pad: 'valid' },
  { x: [3, 8, 8, 2], filter: [2, 3, 2, 5], strides: [2, 1], pad: 'same' },
  { x: [2, 13, 13, 16], filter: [3, 3, 16, 32], strides: [1, 1], pad: 1 },
  { x: [1, 1, 1, 1], filter: [1, 1, 1, 1], strides: [1, 1], pad: 'valid' },
  { x: [4, 5, 1, 3], filter: [3, 1, 3, 2], strides: [1, 1], pad: 'same' },
];

function inputGrad(c: InputCase, abs = false): () => tf.Tensor {
  return () => {
    const info = backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad);
    const dy = randomTensor([info.batchSize, info.outHeight, info.outWidth, info.outChannels], 11);
    const filter = randomTensor(c.filter, 12);
    const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x };
    return tf.engine().runKernel('Conv2DBackpropInput', { dy: abs ? tf.abs(dy) : dy, filter: abs ? tf.abs(filter) : filter }, attrs) as tf.Tensor;
  };
}

describe('Conv2DBackpropInput (wasm) against the cpu backend', () => {
  for (const c of CASES) {
    it(`x ${c.x} filter ${c.filter} strides ${c.strides} pad ${c.pad}`, async () => {
      const [actual] = await runOn('wasm', inputGrad(c));
      const [expected] = await runOn('cpu', inputGrad(c));
      const [scale] = await runOn('cpu', inputGrad(c, true));
      expect(actual!.shape).toEqual(c.x);
      expect(maxScaledError(actual!, expected!, scale)).toBeLessThan(TOLERANCE);
    });
  }

  it('accepts NCHW data, matching the NHWC result', async () => {
    const c = CASES[2]!;
    const [actual] = await runOn('wasm', () => {
      const info = backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad);
      const dy = tf.transpose(randomTensor([info.batchSize, info.outHeight, info.outWidth, info.outChannels], 11), [0, 3, 1, 2]);
      const [b, h, w, ch] = c.x;
      const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NCHW', inputShape: [b, ch, h, w] };
      const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: randomTensor(c.filter, 12) }, attrs) as tf.Tensor;
      return tf.transpose(dx, [0, 2, 3, 1]);
    });
    const [expected] = await runOn('cpu', inputGrad(c));
    const [scale] = await runOn('cpu', inputGrad(c, true));
    expect(maxScaledError(actual!, expected!, scale)).toBeLessThan(TOLERANCE);
  });

  it('matches a hand-computed gradient', async () => {
    // 1x3x3x1 input, 2x2 filter [[1, 2], [3, 4]], valid, dy = 1 everywhere: dx counts the filter taps
    // that cover each input position.
    const [r] = await runOn('wasm', () =>
      tf.engine().runKernel(
        'Conv2DBackpropInput',
        { dy: tf.ones([1, 2, 2, 1]), filter: tf.tensor4d([1, 2, 3, 4], [2, 2, 1, 1]) },
        { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', inputShape: [1, 3, 3, 1] },
      ) as tf.Tensor,
    );
    expect(Array.from(r!.values)).toEqual([1, 3, 2, 4, 10, 6, 3, 7, 4]);
  });

  it('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const tensors = tf.memory().numTensors;
    const buffers = wasmDataIds();
    tf.tidy(() => {
      inputGrad(CASES[0]!)();
    });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(wasmDataIds()).toBe(buffers);
  });
});
