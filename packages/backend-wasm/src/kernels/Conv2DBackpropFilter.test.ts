import * as tf from '@tensorflow/tfjs-core';
import { backend_util } from '@tensorflow/tfjs-core';
import { convGeometry } from '../conv-geometry';
import { maxScaledError, randomTensor, runOn, wasmDataIds } from '../testing/backends';
import { asWasmBackend } from '../wasm-backend';
import { filterGradient } from './Conv2DBackpropFilter';

// Each filter-gradient entry sums batch·outHeight·outWidth products. Errors are measured against the same
// sum over absolute values (computed on cpu), the scale of float32 rounding: for the <= 1,500 terms here
// two correct summation orders differ by well under 1e-5 of it.
const TOLERANCE = 1e-5;

interface FilterCase {
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: 'same' | 'valid' | number;
}

function dyShape(c: FilterCase): number[] {
  const info = backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad);
  return [info.batchSize, info.outHeight, info.outWidth, info.outChannels];
}

function filterGrad(c: FilterCase, abs = false): () => tf.Tensor {
  return () => {
    const x = randomTensor(c.x, 5);
    const dy = randomTensor(dyShape(c), 6);
    const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filter };
    return tf.engine().runKernel('Conv2DBackpropFilter', { x: abs ? tf.abs(x) : x, dy: abs ? tf.abs(dy) : dy }, attrs) as tf.Tensor;
  };
}

const CASES: FilterCase[] = [
  { x: [2, 7, 9, 3], filter: [3, 3, 3, 4], strides: [1, 1], pad: 'same' },
  { x: [2, 7, 9, 3], filter: [3, 3, 3, 4], strides: [2, 2], pad: 'valid' },
  { x: [3, 8, 8, 2], filter: [2, 3, 2, 5], strides: [2, 1], pad: 'same' },
  { x: [1, 28, 28, 1], filter: [5, 5, 1, 8], strides: [1, 1], pad: 'valid' },
  { x: [2, 13, 13, 16], filter: [3, 3, 16, 32], strides: [1, 1], pad: 1 },
  { x: [1, 1, 1, 1], filter: [1, 1, 1, 1], strides: [1, 1], pad: 'valid' },
  { x: [4, 5, 1, 3], filter: [3, 1, 3, 2], strides: [1, 1], pad: 'same' },
];

describe('Conv2DBackpropFilter (wasm) against the cpu backend', () => {
  for (const c of CASES) {
    it(`x ${c.x} filter ${c.filter} strides ${c.strides} pad ${c.pad}`, async () => {
      const [actual] = await runOn('wasm', filterGrad(c));
      const [expected] = await runOn('cpu', filterGrad(c));
      const [scale] = await runOn('cpu', filterGrad(c, true));
      expect(actual!.shape).toEqual(c.filter);
      expect(maxScaledError(actual!, expected!, scale)).toBeLessThan(TOLERANCE);
    });
  }

  it('accepts NCHW data, matching the NHWC result', async () => {
    const c = CASES[2]!;
    const nchw = () => {
      const x = tf.transpose(randomTensor(c.x, 5), [0, 3, 1, 2]);
      const dy = tf.transpose(randomTensor(dyShape(c), 6), [0, 3, 1, 2]);
      const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NCHW', filterShape: c.filter };
      return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
    };
    const [actual] = await runOn('wasm', nchw);
    const [expected] = await runOn('cpu', filterGrad(c));
    const [scale] = await runOn('cpu', filterGrad(c, true));
    expect(maxScaledError(actual!, expected!, scale)).toBeLessThan(TOLERANCE);
  });

  it('gives the same result when the batch is split into chunks', async () => {
    const c = CASES[0]!;
    const [whole] = await runOn('wasm', filterGrad(c));
    const [chunked] = await runOn('wasm', () => {
      const x = randomTensor(c.x, 5);
      const dy = randomTensor(dyShape(c), 6);
      const wasm = asWasmBackend(tf.engine().findBackend('wasm'), 'test');
      const g = convGeometry(backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad));
      // A budget of one batch item's patches forces one chunk per item.
      const out = filterGradient(wasm, x, dy, g, 1);
      return tf.reshape(tf.engine().makeTensorFromTensorInfo(out), c.filter);
    });
    expect(maxScaledError(chunked!, whole!)).toBeLessThan(1e-6);
  });

  it('matches a hand-computed gradient', async () => {
    // 1x3x3x1 input, 2x2 filter, valid: dW[i, j] = Σ_{oh, ow} x[oh + i, ow + j] · dy[oh, ow] with dy = 1.
    const [r] = await runOn('wasm', () =>
      tf.engine().runKernel(
        'Conv2DBackpropFilter',
        { x: tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]), dy: tf.ones([1, 2, 2, 1]) },
        { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', filterShape: [2, 2, 1, 1] },
      ) as tf.Tensor,
    );
    expect(Array.from(r!.values)).toEqual([1 + 2 + 4 + 5, 2 + 3 + 5 + 6, 4 + 5 + 7 + 8, 5 + 6 + 8 + 9]);
  });

  it('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const tensors = tf.memory().numTensors;
    const buffers = wasmDataIds();
    tf.tidy(() => {
      filterGrad(CASES[0]!)();
    });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(wasmDataIds()).toBe(buffers);
  });
});
