import { tf, ShapeError, ValueError, UnknownIdentifierError } from '@strata-ml/core';
import { Dense, l2, SymbolicTensor } from '../index';
import { expectConfigRoundTrip, expectLayerGradients, expectOutputShape, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Dense', () => {
  it('computes activation(x·kernel + bias) on hand-set weights', () => {
    const layer = new Dense(2, { activation: 'relu', inputDim: 3 });
    const x = tf.tensor2d([[1, 2, 3], [-1, 0, 1]]);
    tf.dispose(layer.apply(x));
    const kernel = tf.tensor2d([[1, -1], [0, 2], [1, 0]]);
    const bias = tf.tensor1d([0.5, -4]);
    layer.setWeights([kernel, bias]);
    const y = layer.apply(x);
    // row 0: [1+0+3+0.5, -1+4+0-4] = [4.5, -1] → relu [4.5, 0]; row 1: [-1+1+0.5, 1+0-4] → [0.5, 0]
    expect(Array.from(y.dataSync())).toEqual([4.5, 0, 0.5, 0]);
    tf.dispose([x, kernel, bias, y]);
    layer.dispose();
  });

  it('has Keras defaults and counts parameters as the seed model does', () => {
    const layer = new Dense(256, { inputDim: 784 });
    expect(layer.batchInputShape).toEqual([null, 784]);
    const config = layer.getConfig();
    expect(config['useBias']).toBe(true);
    expect(config['activation']).toBe('linear');
    expect(config['kernelInitializer']).toEqual({ className: 'GlorotUniform', config: { seed: null } });
    expect(config['biasInitializer']).toEqual({ className: 'Zeros', config: {} });
    layer.build([null, 784]);
    expect(layer.countParams()).toBe(200960);
    expect(layer.weights.map((w) => [w.path, w.shape])).toEqual([
      [`${layer.name}/kernel`, [784, 256]],
      [`${layer.name}/bias`, [256]],
    ]);
    layer.dispose();
  });

  it('multiplies inputs of rank 3 along their last axis', () => {
    const layer = new Dense(4);
    const x = sample([2, 3, 5], 1);
    expectOutputShape(layer, x, [2, 3, 4]);
    x.dispose();
    layer.dispose();
  });

  it('round-trips its config through the registry', () => {
    const layer = new Dense(3, { activation: 'tanh', kernelRegularizer: l2(0.001), useBias: true });
    const x = sample([2, 4], 2);
    expectConfigRoundTrip(layer, x).dispose();
    x.dispose();
    layer.dispose();
  });

  it('passes the finite-difference gradient check w.r.t. input, kernel and bias', () => {
    const layer = new Dense(3, { activation: 'tanh', biasInitializer: 'random_normal' });
    const x = sample([4, 5], 3);
    expectLayerGradients(layer, x);
    x.dispose();
    layer.dispose();
  });

  it('adds an L2 penalty on the kernel to its losses', () => {
    const layer = new Dense(2, { kernelRegularizer: l2(0.5), kernelInitializer: 'ones', inputDim: 3 });
    layer.build([null, 3]);
    const [penalty] = layer.losses;
    expect(penalty?.dataSync()[0]).toBeCloseTo(0.5 * 6, 5);
    penalty?.dispose();
    layer.dispose();
  });

  it('rejects a wrong input shape naming the layer, the expected and the received shape', () => {
    const layer = new Dense(256, { inputDim: 784, name: 'dense_2' });
    layer.build([null, 784]);
    const x = tf.zeros([128, 28, 28]);
    expect(() => layer.apply(x)).toThrow(ShapeError);
    expect(() => layer.apply(x)).toThrow("Dense 'dense_2': expected input last dim 784, received shape [128, 28, 28]");
    const v = tf.zeros([3]);
    expect(() => new Dense(2).apply(v)).toThrow('expected input of rank >= 2, received shape [3]');
    tf.dispose([x, v]);
    layer.dispose();
  });

  it('rejects bad constructor arguments with the received value', () => {
    expect(() => new Dense(-3)).toThrow(ValueError);
    expect(() => new Dense(-3)).toThrow('Dense: units must be a positive integer; received units=-3');
    expect(() => new Dense(2.5)).toThrow('received units=2.5');
    expect(() => new Dense(2, { inputDim: 0 })).toThrow('Dense: inputDim must be a positive integer; received inputDim=0');
    expect(() => new Dense(2, { activation: 'rleu' })).toThrow(UnknownIdentifierError);
    expect(() => new Dense(2, { activation: 'rleu' })).toThrow(/unknown activation "rleu"; valid activations are: .*relu.*softmax/);
  });

  it('computes symbolic output shapes and records the call', () => {
    const layer = new Dense(7);
    const input = new SymbolicTensor({ shape: [null, 5] });
    const out = layer.apply(input);
    expect(out.shape).toEqual([null, 7]);
    expect(out.sourceLayer).toBe(layer);
    expect(layer.inboundNodes[0]?.inputs[0]).toBe(input);
    expect(layer.built).toBe(true);
    expect(layer.countParams()).toBe(42);
    layer.dispose();
  });

  it('does not leak tensors', () => {
    const layer = new Dense(3, { activation: 'softmax' });
    const x = sample([2, 4], 4);
    tf.dispose(layer.apply(x));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tf.dispose(layer.apply(x));
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    layer.dispose();
  });
});
