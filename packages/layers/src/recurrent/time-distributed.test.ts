import { tf } from '@strata-ml/core';
import { Dense, TimeDistributed, SymbolicTensor } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('TimeDistributed', () => {
  it('applies the same Dense at every time step', () => {
    const layer = new TimeDistributed(new Dense(2));
    const x = tf.tensor3d([[[1, 2], [3, 4], [5, 6]]]);
    tf.dispose(layer.apply(x));
    const values = [tf.tensor2d([[1, 0], [1, -1]]), tf.tensor1d([0.5, 0])];
    layer.setWeights(values);
    const y = layer.apply(x);
    // Each step: [a + b + 0.5, -b].
    expect(y.arraySync()).toEqual([[[3.5, -2], [7.5, -4], [11.5, -6]]]);
    expect(layer.weights.map((w) => w.shape)).toEqual([[2, 2], [2]]);
    tf.dispose([x, y, ...values]);
    layer.dispose();
  });

  it('computes output shapes, concrete and symbolic, for inputs of rank 3 and more', () => {
    const x = sample([2, 3, 4], 1);
    expectOutputShape(new TimeDistributed(new Dense(5)), x, [2, 3, 5]);
    const layer = new TimeDistributed(new Dense(7));
    expect(layer.apply(new SymbolicTensor({ shape: [null, 9, 2, 4] })).shape).toEqual([null, 9, 2, 7]);
    x.dispose();
    const flat = tf.zeros([2, 3]);
    expect(() => new TimeDistributed(new Dense(2), { name: 'td' }).apply(flat)).toThrow("TimeDistributed 'td': expected input of rank >= 3, received shape [2, 3]");
    flat.dispose();
  });

  it('passes the gradient check and round-trips its config', () => {
    const x = sample([2, 3, 4], 2);
    const layer = new TimeDistributed(new Dense(3, { activation: 'tanh', biasInitializer: 'random_normal' }));
    expectLayerGradients(layer, x);
    expectConfigRoundTrip(layer, x).dispose();
    x.dispose();
    layer.dispose();
  });
});
