import { tf, ShapeError } from '@strata-ml/core';
import { AveragePooling1D, AveragePooling2D, MaxPooling1D, MaxPooling2D, SymbolicTensor } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

/** The 4×4 image 1..16 (row-major) as [1, 4, 4, 1], pooled by `layer`, as rows. */
function pool2d(layer: MaxPooling2D | AveragePooling2D): number[][] {
  return tf.tidy(() => {
    const x = tf.reshape(tf.range(1, 17), [1, 4, 4, 1]);
    return tf.squeeze(layer.apply(x), [0, 3]).arraySync() as number[][];
  });
}

/** The sequence [1, 3, 2, 5, 4] as [1, 5, 1], pooled by `layer`. */
function pool1d(layer: MaxPooling1D | AveragePooling1D): number[] {
  return tf.tidy(() => Array.from(layer.apply(tf.tensor3d([1, 3, 2, 5, 4], [1, 5, 1])).dataSync()));
}

describe('MaxPooling2D and AveragePooling2D', () => {
  it('match hand-computed windows with the default strides (= poolSize)', () => {
    expect(pool2d(new MaxPooling2D(2))).toEqual([[6, 8], [14, 16]]);
    expect(pool2d(new AveragePooling2D(2))).toEqual([[3.5, 5.5], [11.5, 13.5]]);
  });

  it("pad 'same' at the bottom/right and average only the cells inside the input", () => {
    expect(pool2d(new MaxPooling2D(3, { strides: 2, padding: 'same' }))).toEqual([[11, 12], [15, 16]]);
    // Window (0,1) covers rows 0-2, columns 2-3 and one pad column: mean of 3, 4, 7, 8, 11, 12 = 7.5.
    expect(pool2d(new AveragePooling2D(3, { strides: 2, padding: 'same' }))).toEqual([[6, 7.5], [12, 13.5]]);
    expect(pool2d(new MaxPooling2D([2, 1], { strides: [2, 1] }))).toEqual([[5, 6, 7, 8], [13, 14, 15, 16]]);
  });

  it('compute output shapes as the seed CNN needs', () => {
    const layer = new MaxPooling2D(2);
    expect(layer.apply(new SymbolicTensor({ shape: [null, 26, 26, 64] })).shape).toEqual([null, 13, 13, 64]);
    expect(new MaxPooling2D(2).apply(new SymbolicTensor({ shape: [null, 11, 11, 64] })).shape).toEqual([null, 5, 5, 64]);
    const x = sample([2, 7, 5, 3], 1);
    expectOutputShape(new AveragePooling2D([3, 2], { strides: 1 }), x, [2, 5, 4, 3]);
    expectOutputShape(new MaxPooling2D(2, { padding: 'same' }), x, [2, 4, 3, 3]);
    x.dispose();
  });

  it('round-trip their configs and pass the gradient check', () => {
    const x = sample([2, 5, 5, 2], 2);
    const max = new MaxPooling2D(2, { strides: 1 });
    expect(max.getConfig()).toMatchObject({ poolSize: [2, 2], strides: [1, 1], padding: 'valid', dataFormat: 'channels_last' });
    expectConfigRoundTrip(max, x);
    expectLayerGradients(max, x);
    const avg = new AveragePooling2D(3, { strides: 2, padding: 'same' });
    expectConfigRoundTrip(avg, x);
    expectLayerGradients(avg, x);
    x.dispose();
  });

  it('reject bad arguments and inputs', () => {
    expect(() => new MaxPooling2D(0)).toThrow('MaxPooling2D: poolSize must be an integer >= 1 or an array of 2 such integers; received poolSize=0');
    expect(() => new AveragePooling2D(2, { padding: 'causal' as 'same' })).toThrow(`AveragePooling2D: padding must be one of 'valid', 'same'; received padding="causal"`);
    expect(() => new MaxPooling2D(2, { dataFormat: 'channels_first' as 'channels_last' })).toThrow("MaxPooling2D: dataFormat 'channels_first' is not supported");
    const x = tf.zeros([2, 10, 3]);
    expect(() => new MaxPooling2D(2, { name: 'pool' }).apply(x)).toThrow(ShapeError);
    expect(() => new MaxPooling2D(2, { name: 'pool' }).apply(x)).toThrow("MaxPooling2D 'pool': expected input of rank 4, received shape [2, 10, 3]");
    x.dispose();
  });
});

describe('MaxPooling1D and AveragePooling1D', () => {
  it('match hand-computed windows', () => {
    expect(pool1d(new MaxPooling1D(2))).toEqual([3, 5]);
    expect(pool1d(new MaxPooling1D(2, { padding: 'same' }))).toEqual([3, 5, 4]);
    expect(pool1d(new AveragePooling1D(2))).toEqual([2, 3.5]);
    // The last window holds only the step 4 and a pad step: its mean is 4.
    expect(pool1d(new AveragePooling1D(2, { padding: 'same' }))).toEqual([2, 3.5, 4]);
    expect(pool1d(new MaxPooling1D(3, { strides: 1 }))).toEqual([3, 5, 5]);
  });

  it('compute shapes, round-trip and pass the gradient check', () => {
    const x = sample([2, 7, 3], 3);
    expectOutputShape(new MaxPooling1D(2), x, [2, 3, 3]);
    expectOutputShape(new AveragePooling1D(3, { strides: 2, padding: 'same' }), x, [2, 4, 3]);
    const max = new MaxPooling1D(3, { strides: 2 });
    expect(max.getConfig()).toMatchObject({ poolSize: [3], strides: [2] });
    expectConfigRoundTrip(max, x);
    expectLayerGradients(max, x);
    const avg = new AveragePooling1D(2, { padding: 'same' });
    expectConfigRoundTrip(avg, x);
    expectLayerGradients(avg, x);
    x.dispose();
  });
});
