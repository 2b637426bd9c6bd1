import * as tf from '@tensorflow/tfjs-core';
import { stockKernel } from '../stock-kernels';
import { maxScaledError, randomTensor, runOn, wasmDataIds } from '../testing/backends';

// Each output sums fh·fw·ci products (up to 1,152 here). Errors are measured against the same sum over
// absolute values (computed on cpu), the scale of float32 rounding.
const TOLERANCE = 1e-5;

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];

interface ForwardCase {
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: Pad;
  readonly dilations?: [number, number];
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function conv(c: ForwardCase, abs = false, dataFormat: 'NHWC' | 'NCHW' = 'NHWC'): () => tf.Tensor {
  return () => {
    let x = randomTensor(c.x, 11);
    let filter = randomTensor(c.filter, 12);
    if (abs) [x, filter] = [tf.abs(x), tf.abs(filter)];
    // Explicit paddings are listed in the data's own axis order.
    let pad = c.pad;
    if (dataFormat === 'NCHW') {
      x = tf.transpose(x, [0, 3, 1, 2]);
      if (Array.isArray(pad)) pad = [pad[0], pad[3], pad[1], pad[2]];
    }
    const attrs = { strides: c.strides, pad, dataFormat, dilations: c.dilations ?? [1, 1], ...(c.dimRoundingMode === undefined ? {} : { dimRoundingMode: c.dimRoundingMode }) };
    const y = tf.engine().runKernel('Conv2D', { x, filter }, attrs) as tf.Tensor;
    return dataFormat === 'NCHW' ? tf.transpose(y, [0, 2, 3, 1]) : y;
  };
}

const CASES: ForwardCase[] = [
  // The CNN's first layer at a small batch: Cin = 1, every filter cell one value.
  { x: [3, 28, 28, 1], filter: [3, 3, 1, 64], strides: [1, 1], pad: 'valid' },
  { x: [2, 13, 13, 64], filter: [3, 3, 64, 64], strides: [1, 1], pad: 'valid' },
  // Cin = 3 and 13, Cout = 5 and 13 (partial 8-channel tiles); positions not a multiple of 4.
  { x: [2, 7, 9, 3], filter: [3, 3, 3, 5], strides: [1, 1], pad: 'same' },
  { x: [3, 9, 11, 13], filter: [3, 2, 13, 13], strides: [2, 2], pad: 'valid' },
  { x: [1, 10, 10, 1], filter: [3, 3, 1, 5], strides: [2, 2], pad: 'same' },
  // Dilations, with and without padding, and with a stride.
  { x: [2, 11, 12, 3], filter: [3, 3, 3, 13], strides: [1, 1], pad: 'valid', dilations: [2, 2] },
  { x: [2, 10, 9, 8], filter: [3, 2, 8, 9], strides: [1, 1], pad: 'same', dilations: [2, 3] },
  { x: [1, 12, 12, 4], filter: [2, 2, 4, 8], strides: [2, 2], pad: 1, dilations: [2, 2] },
  // Explicit and asymmetric padding; a rounding mode with a numeric pad.
  { x: [2, 6, 7, 5], filter: [3, 3, 5, 16], strides: [1, 2], pad: [[0, 0], [2, 0], [1, 3], [0, 0]] },
  { x: [1, 8, 8, 2], filter: [3, 3, 2, 3], strides: [2, 2], pad: 1, dimRoundingMode: 'ceil' },
  // 1x1 filters, a single pixel, and a filter as large as the input.
  { x: [2, 5, 5, 16], filter: [1, 1, 16, 24], strides: [1, 1], pad: 'valid' },
  { x: [1, 1, 1, 1], filter: [1, 1, 1, 1], strides: [1, 1], pad: 'valid' },
  { x: [2, 4, 4, 3], filter: [4, 4, 3, 7], strides: [1, 1], pad: 'valid' },
  // Images large enough that the batch is walked in blocks (the last block shorter), read in place and
  // through the padded copy.
  { x: [3, 150, 150, 1], filter: [3, 3, 1, 8], strides: [1, 1], pad: 'valid' },
  { x: [3, 150, 150, 1], filter: [3, 3, 1, 8], strides: [1, 1], pad: 'same' },
];

describe('Conv2D (wasm) against the cpu backend', () => {
  for (const c of CASES) {
    const label = `x ${c.x} filter ${c.filter} strides ${c.strides} pad ${JSON.stringify(c.pad)} dilations ${c.dilations ?? [1, 1]}`;
    it(label, async () => {
      const [actual] = await runOn('wasm', conv(c));
      const [expected] = await runOn('cpu', conv(c));
      const [scale] = await runOn('cpu', conv(c, true));
      expect(maxScaledError(actual!, expected!, scale)).toBeLessThan(TOLERANCE);
    });
  }

  it('accepts NCHW data, matching the NHWC result', async () => {
    for (const c of [CASES[2]!, CASES[3]!, CASES[8]!]) {
      const [actual] = await runOn('wasm', conv(c, false, 'NCHW'));
      const [expected] = await runOn('cpu', conv(c));
      const [scale] = await runOn('cpu', conv(c, true));
      expect(maxScaledError(actual!, expected!, scale)).toBeLessThan(TOLERANCE);
    }
  });

  it('falls back (without WebAssembly SIMD) to the recorded stock kernel, which agrees', async () => {
    const c = CASES[2]!;
    const [stock] = await runOn('wasm', () => {
      const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dilations: [1, 1] };
      const inputs = { x: randomTensor(c.x, 11), filter: randomTensor(c.filter, 12) };
      const out = stockKernel('Conv2D').kernelFunc({ inputs, backend: tf.backend(), attrs }) as tf.TensorInfo;
      return tf.engine().makeTensorFromTensorInfo(out);
    });
    const [expected] = await runOn('cpu', conv(c));
    const [scale] = await runOn('cpu', conv(c, true));
    expect(maxScaledError(stock!, expected!, scale)).toBeLessThan(TOLERANCE);
  });

  it('matches a hand-computed convolution', async () => {
    // 1x3x3x1 input 1..9, 2x2 filter [[1, 0], [0, -1]], valid: y[i, j] = x[i, j] - x[i + 1, j + 1] = -4.
    const [r] = await runOn('wasm', () =>
      tf.conv2d(tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]), tf.tensor4d([1, 0, 0, -1], [2, 2, 1, 1]), 1, 'valid'),
    );
    expect(r!.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(r!.values)).toEqual([-4, -4, -4, -4]);
  });

  it('gives an empty output for an empty batch', async () => {
    const [r] = await runOn('wasm', () => tf.conv2d(tf.zeros([0, 5, 5, 2]) as tf.Tensor4D, tf.ones([3, 3, 2, 4]) as tf.Tensor4D, 1, 'same'));
    expect(r!.shape).toEqual([0, 5, 5, 4]);
  });

  it('rejects an unknown data format, naming it', async () => {
    await tf.setBackend('wasm');
    const run = () =>
      tf.tidy(() => tf.engine().runKernel('Conv2D', { x: tf.ones([1, 3, 3, 1]), filter: tf.ones([1, 1, 1, 1]) }, { strides: 1, pad: 'valid', dataFormat: 'NWHC', dilations: 1 }));
    expect(run).toThrow("Conv2D: dataFormat must be 'NHWC' or 'NCHW'; received dataFormat=\"NWHC\"");
  });

  it('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const tensors = tf.memory().numTensors;
    const buffers = wasmDataIds();
    tf.tidy(() => {
      conv(CASES[2]!)();
      conv(CASES[2]!, false, 'NCHW')();
    });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(wasmDataIds()).toBe(buffers);
  });
});
