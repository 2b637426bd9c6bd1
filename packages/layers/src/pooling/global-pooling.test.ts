import { tf } from '@strata-ml/core';
import { GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('global pooling', () => {
  it('reduces every spatial axis per channel', () => {
    // Two channels over a 2×2 image: channel 0 holds 1, 2, 3, 4; channel 1 holds 8, -2, 0, 6.
    const image = tf.tensor4d([[[[1, 8], [2, -2]], [[3, 0], [4, 6]]]]);
    const sequence = tf.tensor3d([[[1, 8], [2, -2], [3, 0]]]);
    const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());
    tf.tidy(() => {
      expect(values(new GlobalAveragePooling2D().apply(image))).toEqual([2.5, 3]);
      expect(values(new GlobalMaxPooling2D().apply(image))).toEqual([4, 8]);
      expect(values(new GlobalAveragePooling1D().apply(sequence))).toEqual([2, 2]);
      expect(values(new GlobalMaxPooling1D().apply(sequence))).toEqual([3, 8]);
    });
    tf.dispose([image, sequence]);
  });

  it('computes shapes with and without keepdims', () => {
    const image = sample([2, 4, 3, 5], 1);
    const sequence = sample([2, 6, 5], 2);
    expectOutputShape(new GlobalAveragePooling2D(), image, [2, 5]);
    expectOutputShape(new GlobalMaxPooling2D({ keepdims: true }), image, [2, 1, 1, 5]);
    expectOutputShape(new GlobalAveragePooling1D({ keepdims: true }), sequence, [2, 1, 5]);
    expectOutputShape(new GlobalMaxPooling1D(), sequence, [2, 5]);
    tf.dispose([image, sequence]);
  });

  it('round-trips configs and passes the gradient check', () => {
    const image = sample([2, 3, 3, 2], 3);
    const sequence = sample([2, 4, 3], 4);
    for (const layer of [new GlobalAveragePooling2D({ keepdims: true }), new GlobalMaxPooling2D()]) {
      expectConfigRoundTrip(layer, image);
      expectLayerGradients(layer, image);
    }
    for (const layer of [new GlobalAveragePooling1D(), new GlobalMaxPooling1D({ keepdims: true })]) {
      expectConfigRoundTrip(layer, sequence);
      expectLayerGradients(layer, sequence);
    }
    expect(() => new GlobalAveragePooling2D().apply(sequence)).toThrow('expected input of rank 4, received shape [2, 4, 3]');
    tf.dispose([image, sequence]);
  });
});
