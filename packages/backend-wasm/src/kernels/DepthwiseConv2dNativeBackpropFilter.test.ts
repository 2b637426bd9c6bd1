import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn } from '../testing/backends';
import { DEPTHWISE_CASES, depthwiseOutputShape, type DepthwiseCase } from '../testing/depthwise-cases';

// Entries sum batch·outHeight·outWidth products (<= 250 here); errors are measured against the same sum
// over absolute values, the scale of float32 rounding (accumulation here is in float64).
const TOLERANCE = 1e-5;

function filterGrad(c: DepthwiseCase, abs = false): () => tf.Tensor {
  return () => {
    const x = randomTensor(c.x, 7);
    const dy = randomTensor(depthwiseOutputShape(c), 8);
    const attrs = { strides: c.strides, dilations: c.dilations, pad: c.pad, filterShape: c.filter };
    return tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x: abs ? tf.abs(x) : x, dy: abs ? tf.abs(dy) : dy }, attrs) as tf.Tensor;
  };
}

/**
 * The reference for a dilated filter (the cpu kernel ignores dilations): a dilated filter is an undilated
 * one of size (f - 1)·d + 1 that is zero between its taps, so its gradient is that filter's gradient at
 * the taps.
 */
function referenceGrad(c: DepthwiseCase, abs = false): () => tf.Tensor {
  const [dh, dw] = c.dilations;
  if (dh === 1 && dw === 1) return filterGrad(c, abs);
  const [fh, fw, ci, q] = c.filter;
  const big: DepthwiseCase = { ...c, filter: [(fh - 1) * dh + 1, (fw - 1) * dw + 1, ci, q], dilations: [1, 1] };
  return () => tf.stridedSlice(filterGrad(big, abs)(), [0, 0, 0, 0], big.filter, [dh, dw, 1, 1]);
}

describe('DepthwiseConv2dNativeBackpropFilter (wasm) against the cpu backend', () => {
  for (const c of DEPTHWISE_CASES) {
    it(`x ${c.x} filter ${c.filter} strides ${c.strides} dilations ${c.dilations} pad ${c.pad}`, async () => {
      const [actual] = await runOn('wasm', filterGrad(c));
      const [expected] = await runOn('cpu', referenceGrad(c));
      const [scale] = await runOn('cpu', referenceGrad(c, true));
      expect(actual!.shape).toEqual(c.filter);
      expect(maxScaledError(actual!, expected!, scale)).toBeLessThan(TOLERANCE);
    });
  }

  it('matches a hand-computed gradient', async () => {
    // One channel, multiplier 2, 2x2 input, 1x1 filter: dW[0, 0, 0, q] = Σ x · dy[..., q].
    const [r] = await runOn('wasm', () =>
      tf.engine().runKernel(
        'DepthwiseConv2dNativeBackpropFilter',
        { x: tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]), dy: tf.tensor4d([1, 0, 1, 0, 1, 1, 0, 2], [1, 2, 2, 2]) },
        { strides: [1, 1], dilations: [1, 1], pad: 'valid', filterShape: [1, 1, 1, 2] },
      ) as tf.Tensor,
    );
    expect(Array.from(r!.values)).toEqual([1 + 2 + 3, 3 + 8]);
  });
});
