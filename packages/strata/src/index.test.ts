import * as core from '@strata-ml/core';
import * as strata from './index';

describe('strata umbrella', () => {
  it('re-exports the core at the top level, as the same objects', () => {
    expect(strata.tf).toBe(core.tf);
    expect(strata.toCategorical).toBe(core.toCategorical);
    expect(strata.setRandomSeed).toBe(core.setRandomSeed);
    expect(strata.globalRandom).toBe(core.globalRandom);
    expect(strata.setBackend).toBe(core.setBackend);
    expect(strata.ready).toBe(core.ready);
    expect(strata.getBackend).toBe(core.getBackend);
    expect(strata.ValueError).toBe(core.ValueError);
    expect(strata.ShapeError).toBe(core.ShapeError);
    expect(strata.UnknownIdentifierError).toBe(core.UnknownIdentifierError);
    expect(strata.BackendError).toBe(core.BackendError);
    expect(strata.RuntimeError).toBe(core.RuntimeError);
    expect(strata.utils.toCategorical).toBe(core.toCategorical);
    expect(strata.utils.setRandomSeed).toBe(core.setRandomSeed);
    expect(strata.utils.plotModel).toBe(strata.models.plotModel);
    expect(typeof strata.utils.modelToDot).toBe('function');
    expect(strata.loadModel).toBe(strata.models.loadModel);
    expect(strata.modelToOnnx).toBe(strata.models.modelToOnnx);
    expect(strata.CorruptFileError).toBe(strata.models.CorruptFileError);
  });

  it('offers the Keras namespaces with their key names', () => {
    expect(typeof strata.Sequential).toBe('function');
    expect(typeof strata.Model).toBe('function');
    expect(typeof strata.layers.Dense).toBe('function');
    expect(typeof strata.layers.Activation).toBe('function');
    expect(typeof strata.layers.Dropout).toBe('function');
    expect(typeof strata.losses.categoricalCrossentropy).toBe('function');
    expect(typeof strata.losses.CategoricalCrossentropy).toBe('function');
    expect(typeof strata.losses.getLoss).toBe('function');
    expect(typeof strata.optimizers.Adam).toBe('function');
    expect(typeof strata.optimizers.SGD).toBe('function');
    expect(typeof strata.optimizers.RMSprop).toBe('function');
    expect(typeof strata.optimizers.getOptimizer).toBe('function');
    expect(typeof strata.metrics.categoricalAccuracy).toBe('function');
    expect(typeof strata.metrics.getMetric).toBe('function');
    expect(typeof strata.callbacks).toBe('object');
    expect(typeof strata.datasets.mnist.loadData).toBe('function');
    expect(typeof strata.datasets.mnist.loadDataArrays).toBe('function');
  });

  it('runs ops on the WASM backend by default', async () => {
    delete process.env['STRATA_BACKEND']; // the default is what this checks
    expect(await strata.ready()).toBe('wasm');
    expect(strata.getBackend()).toBe('wasm');
    const before = strata.tf.memory().numTensors;
    const sum = strata.tf.tidy(() => Array.from(strata.tf.add(strata.tf.tensor([1, 2, 3]), strata.tf.scalar(0.5)).dataSync()));
    expect(sum).toEqual([1.5, 2.5, 3.5]);
    expect(strata.tf.memory().numTensors).toBe(before);
  });
});
