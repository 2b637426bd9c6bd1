import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn } from '../testing/backends';
import { DEPTHWISE_CASES, depthwiseOutputShape, type DepthwiseCase } from '../testing/depthwise-cases';

// Each input-gradient entry sums at most filterHeight·filterWidth·multiplier products of values in
// [-1, 1), so float32 rounding stays far below 1e-5 of 1 + |expected|.
const TOLERANCE = 1e-5;

function inputGrad(c: DepthwiseCase, dilateInto?: [number, number, number, number]): () => tf.Tensor {
  return () => {
    const dy = randomTensor(depthwiseOutputShape(c), 9);
    let filter = randomTensor(c.filter, 10);
    let dilations = c.dilations;
    if (dilateInto !== undefined) {
      // The cpu kernel ignores dilations: hand it the equivalent undilated filter, zero between the taps.
      const big = tf.buffer(dilateInto);
      const w = filter.bufferSync();
      const [fh, fw, ci, q] = c.filter;
      for (let i = 0; i < fh; i++) for (let j = 0; j < fw; j++) for (let k = 0; k < ci; k++) for (let m = 0; m < q; m++) {
        big.set(w.get(i, j, k, m), i * c.dilations[0], j * c.dilations[1], k, m);
      }
      filter = big.toTensor();
      dilations = [1, 1];
    }
    const attrs = { strides: c.strides, dilations, pad: c.pad, inputShape: c.x };
    return tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter }, attrs) as tf.Tensor;
  };
}

function referenceGrad(c: DepthwiseCase): () => tf.Tensor {
  const [dh, dw] = c.dilations;
  const [fh, fw, ci, q] = c.filter;
  return dh === 1 && dw === 1 ? inputGrad(c) : inputGrad(c, [(fh - 1) * dh + 1, (fw - 1) * dw + 1, ci, q]);
}

describe('DepthwiseConv2dNativeBackpropInput (wasm) against the cpu backend', () => {
  for (const c of DEPTHWISE_CASES) {
    it(`x ${c.x} filter ${c.filter} strides ${c.strides} dilations ${c.dilations} pad ${c.pad}`, async () => {
      const [actual] = await runOn('wasm', inputGrad(c));
      const [expected] = await runOn('cpu', referenceGrad(c));
      expect(actual!.shape).toEqual(c.x);
      expect(maxScaledError(actual!, expected!)).toBeLessThan(TOLERANCE);
    });
  }

  it('matches a hand-computed gradient', async () => {
    // 1x2x2x1 input, 2x2 filter, valid: one output; dx = dy · filter.
    const [r] = await runOn('wasm', () =>
      tf.engine().runKernel(
        'DepthwiseConv2dNativeBackpropInput',
        { dy: tf.tensor4d([3], [1, 1, 1, 1]), filter: tf.tensor4d([1, 2, 3, 4], [2, 2, 1, 1]) },
        { strides: [1, 1], dilations: [1, 1], pad: 'valid', inputShape: [1, 2, 2, 1] },
      ) as tf.Tensor,
    );
    expect(Array.from(r!.values)).toEqual([3, 6, 9, 12]);
  });
});
