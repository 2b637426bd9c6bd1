import { tf } from '@strata-ml/core';
import { Flatten, SymbolicTensor } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Flatten', () => {
  it('keeps the batch axis and flattens the rest in row-major order', () => {
    const layer = new Flatten();
    const x = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
    const y = layer.apply(x);
    expect(y.arraySync()).toEqual([[1, 2, 3, 4], [5, 6, 7, 8]]);
    expectOutputShape(layer, x, [2, 4]);
    expect(layer.apply(new SymbolicTensor({ shape: [null, 28, 28] })).shape).toEqual([null, 784]);
    tf.dispose([x, y]);
  });

  it('round-trips and passes the gradient check', () => {
    const x = sample([2, 3, 2], 1);
    expectConfigRoundTrip(new Flatten(), x);
    expectLayerGradients(new Flatten(), x);
    x.dispose();
  });
});
