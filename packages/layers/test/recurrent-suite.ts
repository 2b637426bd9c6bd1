/**
 * The checks every recurrent layer shares (SimpleRNN, LSTM, GRU): output shapes, Keras defaults and weight
 * shapes, the finite-difference gradient check, and a config round trip through the registry.
 */
import type { Layer } from '../src/index';
import { l2 } from '../src/index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample } from './harness';

/** A recurrent layer class as the shared checks need it: `new Recurrent(units, args)` with a `cell`. */
export interface RecurrentLayerClass {
  new (units: number, args?: Record<string, unknown>): Layer & { readonly cell: Layer };
}

/** Declares the shared tests for `layerClass`, whose cell is a `cellClass` with `gates` gates. */
export function recurrentLayerChecks(layerClass: RecurrentLayerClass, cellClass: abstract new (...args: never[]) => Layer, gates: number): void {
  it('gives [batch, units], or [batch, time, units] with returnSequences', () => {
    const x = sample([2, 5, 3], 1);
    expectOutputShape(new layerClass(4), x, [2, 4]);
    expectOutputShape(new layerClass(4, { returnSequences: true }), x, [2, 5, 4]);
    x.dispose();
  });

  it(`has Keras defaults and weights [inputDim, ${gates}·units], [units, ${gates}·units] and a bias`, () => {
    const layer = new layerClass(6, { inputShape: [28, 5] });
    const config = layer.getConfig();
    expect(config['activation']).toBe('tanh');
    expect(config['kernelInitializer']).toEqual({ className: 'GlorotUniform', config: { seed: null } });
    expect(config['recurrentInitializer']).toEqual({ className: 'Orthogonal', config: { gain: 1, seed: null } });
    expect(config['biasInitializer']).toEqual({ className: 'Zeros', config: {} });
    expect([config['returnSequences'], config['returnState'], config['goBackwards'], config['stateful']]).toEqual([false, false, false, false]);
    expect([config['dropout'], config['recurrentDropout']]).toEqual([0, 0]);
    expect(config).not.toHaveProperty('cell');
    layer.build([null, 28, 5]);
    expect(layer.cell).toBeInstanceOf(cellClass);
    expect(layer.weights.map((w) => [w.name, w.shape]).slice(0, 2)).toEqual([['kernel', [5, gates * 6]], ['recurrent_kernel', [6, gates * 6]]]);
    layer.dispose();
  });

  it('passes the finite-difference gradient check w.r.t. input, kernels and bias', () => {
    const x = sample([2, 3, 2], 2);
    const layer = new layerClass(3, { returnSequences: true, biasInitializer: 'random_normal' });
    expectLayerGradients(layer, x);
    x.dispose();
    layer.dispose();
  });

  it('round-trips its flat config through the registry', () => {
    const x = sample([2, 3, 2], 3);
    const layer = new layerClass(3, { returnSequences: true, goBackwards: true, dropout: 0.1, recurrentRegularizer: l2(0.01), seed: 4 });
    expectConfigRoundTrip(layer, x).dispose();
    x.dispose();
    layer.dispose();
  });
}
