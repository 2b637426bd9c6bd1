import { tf } from '@strata-ml/core';
import { convOutputLength, deconvOutputLength, dilateKernel, normalizeTuple } from '../index';
import { useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('conv utils', () => {
  it('computes TensorFlow output lengths', () => {
    expect(convOutputLength(28, 3, 'valid', 1)).toBe(26);
    expect(convOutputLength(26, 2, 'valid', 2)).toBe(13);
    expect(convOutputLength(13, 2, 'valid', 2)).toBe(6);
    expect(convOutputLength(5, 3, 'same', 2)).toBe(3);
    expect(convOutputLength(9, 3, 'valid', 1, 3)).toBe(3);
    expect(convOutputLength(null, 3, 'valid', 1)).toBeNull();
    expect(deconvOutputLength(7, 3, 'same', 2, null)).toBe(14);
    expect(deconvOutputLength(7, 3, 'valid', 2, null)).toBe(15);
    expect(deconvOutputLength(7, 1, 'valid', 2, null)).toBe(14);
    expect(deconvOutputLength(7, 3, 'same', 2, 0)).toBe(13);
    expect(deconvOutputLength(7, 3, 'valid', 2, 1)).toBe(16);
  });

  it('normalizes tuples and names the bad value', () => {
    expect(normalizeTuple('L', 'size', 3, 2)).toEqual([3, 3]);
    expect(normalizeTuple('L', 'size', [1, 2], 2)).toEqual([1, 2]);
    expect(() => normalizeTuple('L', 'size', [1, 0], 2)).toThrow('L: size must be an integer >= 1 or an array of 2 such integers; received size=[1, 0]');
  });

  it('spreads kernel taps with zeros, which convolves like tfjs dilation', () => {
    const k = tf.reshape(tf.tensor2d([[1, 2], [3, 4]]), [2, 2, 1, 1]);
    const spread = dilateKernel(k, [2, 3]);
    expect(tf.tidy(() => tf.squeeze(spread).arraySync())).toEqual([[1, 0, 0, 2], [0, 0, 0, 0], [3, 0, 0, 4]]);
    const x = tf.reshape(tf.range(0, 48), [1, 6, 8, 1]) as tf.Tensor4D;
    const native = tf.conv2d(x, k as tf.Tensor4D, 1, 'same', 'NHWC', [2, 3]);
    const explicit = tf.conv2d(x, spread as tf.Tensor4D, 1, 'same');
    expect(Array.from(explicit.dataSync())).toEqual(Array.from(native.dataSync()));
    tf.dispose([k, spread, x, native, explicit]);
  });
});
