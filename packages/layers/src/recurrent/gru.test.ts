import { GRU, GRUCell, l2 } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('GRU', () => {
  it('gives [batch, units], or [batch, time, units] with returnSequences', () => {
    const x = sample([2, 5, 3], 1);
    expectOutputShape(new GRU(4), x, [2, 4]);
    expectOutputShape(new GRU(4, { returnSequences: true }), x, [2, 5, 4]);
    x.dispose();
  });

  it('has Keras defaults and weights [inputDim, 3·units], [units, 3·units] and a bias', () => {
    const layer = new GRU(6, { inputShape: [28, 5] });
    const config = layer.getConfig();
    expect(config['activation']).toBe('tanh');
    expect(config['kernelInitializer']).toEqual({ className: 'GlorotUniform', config: { seed: null } });
    expect(config['recurrentInitializer']).toEqual({ className: 'Orthogonal', config: { gain: 1, seed: null } });
    expect(config['biasInitializer']).toEqual({ className: 'Zeros', config: {} });
    expect([config['returnSequences'], config['returnState'], config['goBackwards'], config['stateful']]).toEqual([false, false, false, false]);
    expect([config['dropout'], config['recurrentDropout']]).toEqual([0, 0]);
    expect(config).not.toHaveProperty('cell');
    layer.build([null, 28, 5]);
    expect(layer.cell).toBeInstanceOf(GRUCell);
    expect(layer.weights.map((w) => [w.name, w.shape]).slice(0, 2)).toEqual([['kernel', [5, 3 * 6]], ['recurrent_kernel', [6, 3 * 6]]]);
    layer.dispose();
  });

  it('passes the finite-difference gradient check w.r.t. input, kernels and bias', () => {
    const x = sample([2, 3, 2], 2);
    const layer = new GRU(3, { returnSequences: true, biasInitializer: 'random_normal' });
    expectLayerGradients(layer, x);
    x.dispose();
    layer.dispose();
  });

  it('round-trips its flat config through the registry', () => {
    const x = sample([2, 3, 2], 3);
    const layer = new GRU(3, { returnSequences: true, goBackwards: true, dropout: 0.1, recurrentRegularizer: l2(0.01), seed: 4 });
    expectConfigRoundTrip(layer, x).dispose();
    x.dispose();
    layer.dispose();
  });

  it('with resetAfter false: bias [3·units], gradient check and config round trip', () => {
    const x = sample([2, 3, 2], 6);
    const layer = new GRU(3, { resetAfter: false, biasInitializer: 'random_normal', returnSequences: true });
    expectLayerGradients(layer, x);
    expect(layer.cell.bias?.shape).toEqual([9]);
    expectConfigRoundTrip(layer, x).dispose();
    x.dispose();
    layer.dispose();
  });
});
