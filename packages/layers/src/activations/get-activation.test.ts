import { tf, UnknownIdentifierError } from '@strata-ml/core';
import { getActivation, serializeActivation } from './get-activation';
import * as a from './activations';
import { useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('getActivation', () => {
  it('resolves snake_case and camelCase names, functions, and null as linear', () => {
    expect(getActivation('relu')).toBe(a.relu);
    expect(getActivation('hard_sigmoid')).toBe(a.hardSigmoid);
    expect(getActivation('hardSigmoid')).toBe(a.hardSigmoid);
    expect(getActivation('silu')).toBe(a.swish);
    expect(getActivation(null)).toBe(a.linear);
    expect(getActivation(undefined)).toBe(a.linear);
    const custom = (x: tf.Tensor): tf.Tensor => tf.mul(x, 2);
    expect(getActivation(custom)).toBe(custom);
    const ls = tf.tidy(() => Array.from(getActivation('logSoftmax')(tf.tensor1d([0, 0])).dataSync()));
    ls.forEach((v) => expect(v).toBeCloseTo(Math.log(0.5), 6));
  });

  it('serializes registered functions by their Keras name', () => {
    expect(serializeActivation(getActivation('leaky_relu'))).toBe('leaky_relu');
    expect(serializeActivation(getActivation('softmax'))).toBe('softmax');
    expect(serializeActivation(a.swish)).toBe('swish');
    expect(serializeActivation(getActivation(null))).toBe('linear');
  });

  it('lists the valid names for an unknown one', () => {
    expect(() => getActivation('rleu')).toThrow(UnknownIdentifierError);
    expect(() => getActivation('rleu')).toThrow(
      'getActivation: unknown activation "rleu"; valid activations are: elu, exponential, gelu, hard_sigmoid, leaky_relu, ' +
        'legacy_hard_sigmoid, linear, log_softmax, mish, relu, relu6, selu, sigmoid, silu, softmax, softplus, softsign, swish, tanh',
    );
  });
});
