import { tf, Tensor, setRandomSeed } from '@strata-ml/core';
import { LSTM, LSTMCell } from '../index';
import { expectGradientsMatch, sample, useTestBackend } from '../../test/harness';
import { recurrentLayerChecks } from '../../test/recurrent-suite';

beforeAll(useTestBackend);

describe('LSTM', () => {
  recurrentLayerChecks(LSTM, LSTMCell, 4);

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
