import { tf, UnknownIdentifierError } from '@strata-ml/core';
import { Activation } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Activation', () => {
  it('applies its function elementwise and keeps the shape', () => {
    const layer = new Activation('relu');
    const x = tf.tensor2d([[-1, 2], [3, -4]]);
    const y = layer.apply(x);
    expect(Array.from(y.dataSync())).toEqual([0, 2, 3, 0]);
    expectOutputShape(layer, x, [2, 2]);
    tf.dispose([x, y]);
  });

  it('round-trips its config and passes the gradient check', () => {
    const layer = new Activation('softmax');
    const x = sample([3, 4], 1);
    expect(layer.getConfig()['activation']).toBe('softmax');
    expectConfigRoundTrip(layer, x);
    expectLayerGradients(layer, x);
    x.dispose();
  });

  it('names itself activation, activation_1, … and rejects unknown names', () => {
    const a = new Activation('tanh');
    const b = new Activation('tanh');
    expect(b.name).toMatch(/^activation_\d+$/);
    expect(a.name).not.toBe(b.name);
    expect(() => new Activation('sigmod')).toThrow(UnknownIdentifierError);
  });
});
