import { tf, Tensor, setRandomSeed } from '@strata/core';
import { LSTM, LSTMCell, l2 } from '../index';
import { expectConfigRoundTrip, expectGradientsMatch, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('LSTM', () => {
  it('gives [batch, units], or [batch, time, units] with returnSequences', () => {
    const x = sample([2, 5, 3], 1);
    expectOutputShape(new LSTM(4), x, [2, 4]);
    expectOutputShape(new LSTM(4, { returnSequences: true }), x, [2, 5, 4]);
    x.dispose();
  });

  it('has Keras defaults and weights [inputDim, 4·units], [units, 4·units] and a bias', () => {
    const layer = new LSTM(6, { inputShape: [28, 5] });
    const config = layer.getConfig();
    expect(config['activation']).toBe('tanh');
    expect(config['kernelInitializer']).toEqual({ className: 'GlorotUniform', config: { seed: null } });
    expect(config['recurrentInitializer']).toEqual({ className: 'Orthogonal', config: { gain: 1, seed: null } });
    expect(config['biasInitializer']).toEqual({ className: 'Zeros', config: {} });
    expect([config['returnSequences'], config['returnState'], config['goBackwards'], config['stateful']]).toEqual([false, false, false, false]);
    expect([config['dropout'], config['recurrentDropout']]).toEqual([0, 0]);
    expect(config).not.toHaveProperty('cell');
    layer.build([null, 28, 5]);
    expect(layer.cell).toBeInstanceOf(LSTMCell);
    expect(layer.weights.map((w) => [w.name, w.shape]).slice(0, 2)).toEqual([['kernel', [5, 4 * 6]], ['recurrent_kernel', [6, 4 * 6]]]);
    layer.dispose();
  });

  it('passes the finite-difference gradient check w.r.t. input, kernels and bias', () => {
    const x = sample([2, 3, 2], 2);
    const layer = new LSTM(3, { returnSequences: true, biasInitializer: 'random_normal' });
    expectLayerGradients(layer, x);
    x.dispose();
    layer.dispose();
  });

  it('round-trips its flat config through the registry', () => {
    const x = sample([2, 3, 2], 3);
    const layer = new LSTM(3, { returnSequences: true, goBackwards: true, dropout: 0.1, recurrentRegularizer: l2(0.01), seed: 4 });
    expectConfigRoundTrip(layer, x).dispose();
    x.dispose();
    layer.dispose();
  });

  it('starts the forget gate bias at 1 with unitForgetBias (the default), at biasInitializer otherwise', () => {
    const layer = new LSTM(2);
    layer.build([null, 3, 1]);
    const weights = layer.getWeights();
    expect(Array.from((weights[2] as Tensor).dataSync())).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    const plain = new LSTM(2, { unitForgetBias: false, biasInitializer: 'ones' });
    plain.build([null, 3, 1]);
    const plainWeights = plain.getWeights();
    expect(Array.from((plainWeights[2] as Tensor).dataSync())).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    tf.dispose([...weights, ...plainWeights]);
    layer.dispose();
    plain.dispose();
  });

  it('passes the gradient check in training with dropout and per-gate recurrent dropout masks', () => {
    const x = sample([2, 3, 2], 5);
    const layer = new LSTM(3, { dropout: 0.3, recurrentDropout: 0.3, returnSequences: true });
    tf.dispose(layer.apply(x));
    const f = (input: Tensor): Tensor => {
      setRandomSeed(2);
      return layer.apply(input, { training: true });
    };
    expectGradientsMatch(f, x, layer.trainableWeights.map((w) => w.variable));
    x.dispose();
    layer.dispose();
  });
});
