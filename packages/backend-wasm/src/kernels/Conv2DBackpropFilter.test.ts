import * as tf from '@tensorflow/tfjs-core';
import { backend_util } from '@tensorflow/tfjs-core';
import { convGeometry } from '../conv-geometry';
import { nativeKernels } from '../native-kernels';
import { maxScaledError, randomTensor, runOn, wasmDataIds } from '../testing/backends';
import { asWasmBackend } from '../wasm-backend';
import { im2colFilterGradient, nativeFilterGradient } from './Conv2DBackpropFilter';

// Each filter-gradient entry sums batch·outHeight·outWidth products (up to 11,532 here). Errors are
// measured against the same sum over absolute values (computed on cpu), the scale of float32 rounding:
// two correct summation orders of that many terms differ by well under 1e-5 of it.
const TOLERANCE = 1e-5;

interface FilterCase {
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: 'same' | 'valid' | number;
}

function dyShape(c: FilterCase, dilations: [number, number] = [1, 1]): number[] {
  const info = backend_util.computeConv2DInfo(c.x, c.filter, c.strides, dilations, c.pad);
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
  // Cin = 3 (rows not a multiple of the 4-row tile), Cout = 13 (a full and a partial 8-channel tile).
  { x: [3, 9, 11, 3], filter: [3, 3, 3, 13], strides: [1, 1], pad: 'valid' },
  // Cin = 1, Cout = 5; 'same' at stride 2 pads only below and right, so windows reach past the input.
  { x: [1, 10, 10, 1], filter: [3, 3, 1, 5], strides: [2, 2], pad: 'same' },
  // No padding, stride 2, full tiles; the input's last row and column lie outside every window.
  { x: [2, 9, 9, 8], filter: [2, 2, 8, 24], strides: [2, 2], pad: 'valid' },
  // Images large enough that the batch is walked in blocks of 2 (the last block holds 1), with x read in
  // place ('valid') and through its padded copy ('same').
  { x: [3, 66, 66, 1], filter: [3, 3, 1, 3], strides: [1, 1], pad: 'valid' },
  { x: [3, 62, 62, 1], filter: [3, 3, 1, 3], strides: [1, 1], pad: 'same' },
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

describe('the native filter gradient with dilations (which the kernel attributes cannot carry)', () => {
  // A filter dilated by d is an undilated filter of size (k - 1)·d + 1 that is zero off every d-th cell,
  // so its gradient is every d-th cell of the cpu backend's gradient for the large filter.
  const DILATED: Array<FilterCase & { readonly dilations: [number, number] }> = [
    { x: [2, 9, 10, 3], filter: [3, 2, 3, 5], strides: [1, 1], pad: 'valid', dilations: [2, 2] },
    { x: [3, 11, 9, 8], filter: [3, 3, 8, 9], strides: [2, 1], pad: 2, dilations: [2, 3] },
  ];
  for (const c of DILATED) {
    it(`x ${c.x} filter ${c.filter} strides ${c.strides} pad ${c.pad} dilations ${c.dilations}`, async () => {
      const [dh, dw] = c.dilations;
      const [fh, fw, ci, co] = c.filter;
      const large: [number, number, number, number] = [(fh - 1) * dh + 1, (fw - 1) * dw + 1, ci, co];
      const dyDims = dyShape(c, c.dilations);
      const [actual] = await runOn('wasm', () => {
        const wasm = asWasmBackend(tf.engine().findBackend('wasm'), 'test');
        const g = convGeometry(backend_util.computeConv2DInfo(c.x, c.filter, c.strides, c.dilations, c.pad));
        const out = nativeFilterGradient(wasm, nativeKernels(wasm)!, randomTensor(c.x, 5), randomTensor(dyDims, 6), g);
        return tf.reshape(tf.engine().makeTensorFromTensorInfo(out), c.filter);
      });
      const reference = (abs: boolean) => () => {
        const x = randomTensor(c.x, 5);
        const dy = randomTensor(dyDims, 6);
        const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: large };
        const full = tf.engine().runKernel('Conv2DBackpropFilter', { x: abs ? tf.abs(x) : x, dy: abs ? tf.abs(dy) : dy }, attrs) as tf.Tensor;
        return tf.stridedSlice(full, [0, 0, 0, 0], large, [dh, dw, 1, 1]);
      };
      const [expected] = await runOn('cpu', reference(false));
      const [scale] = await runOn('cpu', reference(true));
      expect(maxScaledError(actual!, expected!, scale)).toBeLessThan(TOLERANCE);
    });
  }
});

describe('the im2col filter gradient (the path without WebAssembly SIMD)', () => {
  for (const c of [CASES[0]!, CASES[7]!]) {
    it(`x ${c.x} filter ${c.filter}: one chunk or one chunk per batch item, against the cpu backend`, async () => {
      const run = (maxPatchFloats: number) => () => {
        const wasm = asWasmBackend(tf.engine().findBackend('wasm'), 'test');
        const g = convGeometry(backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad));
        const out = im2colFilterGradient(wasm, randomTensor(c.x, 5), randomTensor(dyShape(c), 6), g, maxPatchFloats);
        return tf.reshape(tf.engine().makeTensorFromTensorInfo(out), c.filter);
      };
      const [whole] = await runOn('wasm', run(1 << 24));
      // A budget of one float forces one chunk per batch item.
      const [chunked] = await runOn('wasm', run(1));
      const [expected] = await runOn('cpu', filterGrad(c));
      const [scale] = await runOn('cpu', filterGrad(c, true));
      expect(maxScaledError(whole!, expected!, scale)).toBeLessThan(TOLERANCE);
      expect(maxScaledError(chunked!, expected!, scale)).toBeLessThan(TOLERANCE);
    });
  }
});
