import * as tf from '@tensorflow/tfjs-core';
import { backend_util } from '@tensorflow/tfjs-core';
import { convGeometry } from '../conv-geometry';
import { nativeKernels } from '../native-kernels';
import { maxScaledError, randomTensor, randomValues, runOn, wasmDataIds } from '../testing/backends';
import { asWasmBackend } from '../wasm-backend';
import { col2imInputGradient, nativeInputGradient } from './Conv2DBackpropInput';

// Each input-gradient entry sums at most filterHeight·filterWidth·outChannels (<= 288) products; errors
// are measured against the same sum over absolute values, the scale of float32 rounding.
const TOLERANCE = 1e-5;

interface InputCase {
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: 'same' | 'valid' | number;
}

function dyShape(c: InputCase, dilations: [number, number] = [1, 1]): number[] {
  const info = backend_util.computeConv2DInfo(c.x, c.filter, c.strides, dilations, c.pad);
  return [info.batchSize, info.outHeight, info.outWidth, info.outChannels];
}

const CASES: InputCase[] = [
  { x: [2, 7, 9, 3], filter: [3, 3, 3, 4], strides: [1, 1], pad: 'same' },
  { x: [2, 7, 9, 3], filter: [3, 3, 3, 4], strides: [2, 2], pad: 'valid' },
  { x: [3, 8, 8, 2], filter: [2, 3, 2, 5], strides: [2, 1], pad: 'same' },
  { x: [2, 13, 13, 16], filter: [3, 3, 16, 32], strides: [1, 1], pad: 1 },
  { x: [1, 1, 1, 1], filter: [1, 1, 1, 1], strides: [1, 1], pad: 'valid' },
  { x: [4, 5, 1, 3], filter: [3, 1, 3, 2], strides: [1, 1], pad: 'same' },
  // Cin = 13 (a full and a partial 8-channel tile), Cout = 5.
  { x: [3, 9, 11, 13], filter: [3, 3, 13, 5], strides: [1, 1], pad: 'valid' },
  // Cin = 1; 'same' at stride 2 pads only below and right, so windows reach past the input.
  { x: [1, 10, 10, 1], filter: [3, 3, 1, 5], strides: [2, 2], pad: 'same' },
  // No padding, stride 2, full tiles; the input's last row and column lie outside every window (dx = 0).
  { x: [2, 9, 9, 8], filter: [2, 2, 8, 24], strides: [2, 2], pad: 'valid' },
  // Images large enough that the batch is walked in blocks of 2 (the last block holds 1), with dx written
  // in place ('valid') and through a padded copy ('same').
  { x: [3, 62, 62, 8], filter: [3, 3, 8, 1], strides: [1, 1], pad: 'valid' },
  { x: [3, 62, 62, 8], filter: [3, 3, 8, 1], strides: [1, 1], pad: 'same' },
];

function inputGrad(c: InputCase, abs = false): () => tf.Tensor {
  return () => {
    const dy = randomTensor(dyShape(c), 11);
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
      const dy = tf.transpose(randomTensor(dyShape(c), 11), [0, 3, 1, 2]);
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

/** `filter`'s values spread over a filter dilated by `[dh, dw]`, zero between the taps. */
function dilatedFilter(filter: [number, number, number, number], [dh, dw]: [number, number], values: Float32Array): tf.Tensor {
  const [fh, fw, ci, co] = filter;
  const shape = [(fh - 1) * dh + 1, (fw - 1) * dw + 1, ci, co];
  const out = new Float32Array(shape.reduce((p, d) => p * d, 1));
  const cell = ci * co;
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) out.set(values.subarray((i * fw + j) * cell, (i * fw + j + 1) * cell), (i * dh * (shape[1] as number) + j * dw) * cell);
  }
  return tf.tensor(out, shape);
}

describe('the native input gradient with dilations (which the kernel attributes cannot carry)', () => {
  // A filter dilated by d is an undilated filter of size (k - 1)·d + 1 that is zero off every d-th cell:
  // the cpu backend's input gradient for that filter is the reference.
  const DILATED: Array<InputCase & { readonly dilations: [number, number] }> = [
    { x: [2, 9, 10, 3], filter: [3, 2, 3, 5], strides: [1, 1], pad: 'valid', dilations: [2, 2] },
    { x: [3, 11, 9, 9], filter: [3, 3, 9, 8], strides: [2, 1], pad: 2, dilations: [2, 3] },
  ];
  for (const c of DILATED) {
    it(`x ${c.x} filter ${c.filter} strides ${c.strides} pad ${c.pad} dilations ${c.dilations}`, async () => {
      const dyDims = dyShape(c, c.dilations);
      const filterValues = randomValues(c.filter.reduce((p, d) => p * d, 1), 12);
      const [actual] = await runOn('wasm', () => {
        const wasm = asWasmBackend(tf.engine().findBackend('wasm'), 'test');
        const g = convGeometry(backend_util.computeConv2DInfo(c.x, c.filter, c.strides, c.dilations, c.pad));
        const filter = tf.tensor(filterValues, c.filter);
        const out = nativeInputGradient(wasm, nativeKernels(wasm)!, randomTensor(dyDims, 11), filter, g);
        return tf.engine().makeTensorFromTensorInfo(out);
      });
      const reference = (abs: boolean) => () => {
        const dy = randomTensor(dyDims, 11);
        const filter = dilatedFilter(c.filter, c.dilations, abs ? filterValues.map(Math.abs) : filterValues);
        const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x };
        return tf.engine().runKernel('Conv2DBackpropInput', { dy: abs ? tf.abs(dy) : dy, filter }, attrs) as tf.Tensor;
      };
      const [expected] = await runOn('cpu', reference(false));
      const [scale] = await runOn('cpu', reference(true));
      expect(maxScaledError(actual!, expected!, scale)).toBeLessThan(TOLERANCE);
    });
  }
});

describe('the col2im input gradient (the path without WebAssembly SIMD)', () => {
  for (const c of [CASES[1]!, CASES[6]!]) {
    it(`x ${c.x} filter ${c.filter} strides ${c.strides}: one chunk or one per batch item, against the cpu backend`, async () => {
      const run = (maxColumnFloats: number) => () => {
        const wasm = asWasmBackend(tf.engine().findBackend('wasm'), 'test');
        const g = convGeometry(backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad));
        const out = col2imInputGradient(wasm, randomTensor(dyShape(c), 11), randomTensor(c.filter, 12), g, maxColumnFloats);
        return tf.engine().makeTensorFromTensorInfo(out);
      };
      const [whole] = await runOn('wasm', run(1 << 24));
      // A budget of one float forces one chunk per batch item.
      const [chunked] = await runOn('wasm', run(1));
      const [expected] = await runOn('cpu', inputGrad(c));
      const [scale] = await runOn('cpu', inputGrad(c, true));
      expect(maxScaledError(whole!, expected!, scale)).toBeLessThan(TOLERANCE);
      expect(maxScaledError(chunked!, expected!, scale)).toBeLessThan(TOLERANCE);
    });
  }
});
