import { tf } from '@strata-ml/core';
import { UpSampling2D } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

const rowsOf = (layer: UpSampling2D): number[][] =>
  tf.tidy(() => tf.squeeze(layer.apply(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1])), [0, 3]).arraySync() as number[][]);

describe('UpSampling2D', () => {
  it('repeats every cell with nearest interpolation', () => {
    expect(rowsOf(new UpSampling2D())).toEqual([[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]]);
    expect(rowsOf(new UpSampling2D({ size: [1, 3] }))).toEqual([[1, 1, 1, 2, 2, 2], [3, 3, 3, 4, 4, 4]]);
  });

  it('interpolates with half-pixel centers when bilinear', () => {
    // Output column j samples input column (j + 0.5)/2 − 0.5, clamped to [0, 1]: 0, 0.25, 0.75, 1.
    expect(rowsOf(new UpSampling2D({ interpolation: 'bilinear' }))).toEqual([
      [1, 1.25, 1.75, 2],
      [1.5, 1.75, 2.25, 2.5],
      [2.5, 2.75, 3.25, 3.5],
      [3, 3.25, 3.75, 4],
    ]);
  });

  it('computes shapes, round-trips and passes the gradient check', () => {
    const x = sample([2, 3, 2, 2], 1);
    expectOutputShape(new UpSampling2D({ size: [2, 3] }), x, [2, 6, 6, 2]);
    for (const layer of [new UpSampling2D({ size: [2, 3] }), new UpSampling2D({ interpolation: 'bilinear' })]) {
      expectConfigRoundTrip(layer, x);
      expectLayerGradients(layer, x);
    }
    expect(new UpSampling2D().getConfig()).toMatchObject({ size: [2, 2], interpolation: 'nearest', dataFormat: 'channels_last' });
    x.dispose();
  });

  it('rejects bad arguments', () => {
    expect(() => new UpSampling2D({ size: 0 })).toThrow('UpSampling2D: size must be an integer >= 1 or an array of 2 such integers; received size=0');
    expect(() => new UpSampling2D({ interpolation: 'cubic' as 'nearest' })).toThrow(
      `UpSampling2D: interpolation must be 'nearest' or 'bilinear'; received interpolation="cubic"`,
    );
  });
});
