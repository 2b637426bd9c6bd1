import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setRandomSeed, tf, type Tensor } from '@strata-ml/core';
import { Activation, Dense, Dropout, Flatten, InputLayer, Reshape, l1l2, resetLayerNames } from '@strata-ml/layers';
import { Adadelta, Adagrad, Adam, Adamax, AdamW, ExponentialDecay, Nadam, RMSprop, SGD, type Optimizer } from '@strata-ml/optimizers';
import { blobs, useTestBackend } from '../../test/helpers';
import { Sequential } from '../sequential';
import { CorruptFileError } from './errors';
import { ArrayBufferHandler } from './io-handlers';
import { readKerasArchive } from './keras-archive';
import { loadModel, loadWeights, saveModel, saveWeights } from './save-model';

beforeAll(useTestBackend);

function everyLayerModel(): Sequential {
  return new Sequential({
    name: 'all_layers',
    layers: [
      new InputLayer({ batchInputShape: [null, 2] }),
      new Dense(8, { activation: 'tanh', kernelInitializer: 'he_normal', kernelRegularizer: l1l2({ l1: 1e-4, l2: 1e-3 }), biasConstraint: 'non_neg' }),
      new Reshape([2, 4]),
      new Flatten(),
      // Rate 0: a dropout mask stream is not part of the saved state, so the next step could not match.
      new Dropout(0, { seed: 5, noiseShape: [null, 1] }),
      new Dense(3),
      new Activation('softmax'),
    ],
  });
}

const OPTIMIZERS: [string, () => Optimizer][] = [
  ['SGD (nesterov momentum)', () => new SGD({ learningRate: 0.05, momentum: 0.9, nesterov: true })],
  ['Adam (amsgrad, schedule)', () => new Adam({ learningRate: new ExponentialDecay({ initialLearningRate: 0.01, decaySteps: 2, decayRate: 0.5 }), amsgrad: true })],
  ['RMSprop (centered, momentum)', () => new RMSprop({ learningRate: 0.01, centered: true, momentum: 0.5 })],
  ['Adagrad', () => new Adagrad({ learningRate: 0.05 })],
  ['Adadelta', () => new Adadelta({ learningRate: 1 })],
  ['Adamax', () => new Adamax({ learningRate: 0.01 })],
  ['Nadam', () => new Nadam({ learningRate: 0.01 })],
  ['AdamW (clipnorm)', () => new AdamW({ learningRate: 0.01, weightDecay: 0.01, clipnorm: 1 })],
];

async function values(pending: Promise<Tensor | Tensor[]>): Promise<number[]> {
  const t = (await pending) as Tensor;
  const out = Array.from(t.dataSync());
  t.dispose();
  return out;
}

describe('saveModel / loadModel', () => {
  it.each(OPTIMIZERS)('round-trips every layer type with %s: same predictions and the same next step', async (_, makeOptimizer) => {
    setRandomSeed(42);
    const { x, y } = blobs(8);
    const model = everyLayerModel();
    model.compile({ optimizer: makeOptimizer(), loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    await model.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, shuffle: false });
    const handler = new ArrayBufferHandler();
    await saveModel(model, handler);
    const loaded = await loadModel(handler);

    expect(loaded.getConfig()).toEqual(model.getConfig());
    expect(loaded.optimizer?.getConfig()).toEqual(model.optimizer?.getConfig());
    expect(loaded.optimizer?.iterations).toBe(model.optimizer?.iterations);
    const a = await values(model.predict(x, { verbose: 0 }));
    const b = await values(loaded.predict(x, { verbose: 0 }));
    b.forEach((v, i) => expect(Math.abs(v - (a[i] as number))).toBeLessThan(1e-6));

    // The next training step, with the restored optimizer slots, matches bit for bit.
    const stepA = await model.trainOnBatch(x, y);
    const stepB = await loaded.trainOnBatch(x, y);
    expect(stepB).toEqual(stepA);
    const wa = model.getWeights();
    const wb = loaded.getWeights();
    wa.forEach((w, i) => expect(Array.from(wb[i]?.dataSync() ?? [])).toEqual(Array.from(w.dataSync())));
    tf.dispose([...wa, ...wb, x, y]);
    model.dispose();
    loaded.dispose();
  });

  it('resumes training on the same loss curve as an uninterrupted run', async () => {
    const { x, y } = blobs(10);
    const make = (): Sequential => {
      const m = new Sequential({ layers: [new Dense(6, { activation: 'relu', inputShape: [2] }), new Dense(3, { activation: 'softmax' })] });
      m.compile({ optimizer: 'adam', loss: 'categorical_crossentropy' });
      return m;
    };
    setRandomSeed(7);
    const straight = make();
    const full = (await straight.fit(x, y, { epochs: 6, batchSize: 10, verbose: 0, shuffle: false })).history['loss'] as number[];

    setRandomSeed(7);
    const first = make();
    const before = (await first.fit(x, y, { epochs: 3, batchSize: 10, verbose: 0, shuffle: false })).history['loss'] as number[];
    const handler = new ArrayBufferHandler();
    await saveModel(first, handler);
    first.dispose();
    const resumed = await loadModel(handler);
    const after = (await resumed.fit(x, y, { epochs: 6, initialEpoch: 3, batchSize: 10, verbose: 0, shuffle: false })).history['loss'] as number[];
    expect([...before, ...after]).toEqual(full);
    straight.dispose();
    resumed.dispose();
    tf.dispose([x, y]);
  });

  it('writes the Keras 3 layout: config, weights paths, optimizer variables, metadata', async () => {
    setRandomSeed(1);
    const { x, y } = blobs(4);
    const model = new Sequential({ name: 'mlp', layers: [new Dense(4, { activation: 'relu', inputShape: [2], name: 'hidden' }), new Dense(3, { name: 'out' })] });
    model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    await model.fit(x, y, { epochs: 1, batchSize: 12, verbose: 0 });
    const handler = new ArrayBufferHandler();
    await saveModel(model, handler);
    const archive = readKerasArchive(new Uint8Array(handler.buffer as ArrayBuffer));
    expect(archive.metadata).toMatchObject({ keras_version: '3.10.0', strata_version: '0.1.0' });
    expect(archive.config).toMatchObject({ module: 'keras', class_name: 'Sequential', build_config: { input_shape: [null, 2] } });
    const layers = (archive.config.config['layers'] as { class_name: string; config: Record<string, unknown> }[]).map((l) => [l.class_name, l.config['name']]);
    expect(layers).toEqual([['InputLayer', 'input_layer'], ['Dense', 'hidden'], ['Dense', 'out']]);
    expect(archive.config['compile_config']).toMatchObject({
      optimizer: { module: 'keras.optimizers', class_name: 'Adam', config: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false } },
      loss: { class_name: 'CategoricalCrossentropy' },
      metrics: ['accuracy'],
    });
    const layersGroup = archive.weights.children.get('layers');
    // Keyed as Keras 3 keys them: by class, numbered, not by layer name.
    expect(layersGroup?.kind === 'group' && [...layersGroup.children.keys()]).toEqual(['dense', 'dense_1', 'vars'].slice(0, 2));
    const opt = archive.weights.children.get('optimizer');
    const vars = opt?.kind === 'group' ? opt.children.get('vars') : undefined;
    // iterations, learning rate, then (m, v) for each of the 4 variables.
    expect(vars?.kind === 'group' && vars.children.size).toBe(2 + 8);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('loads the Keras 3 MLP fixture compiled with its Adam state', async () => {
    const model = await loadModel(readFileSync(join(__dirname, '../../test/fixtures/keras/mnist_mlp_keras3.keras')));
    expect(model.layers.map((l) => l.name)).toEqual(['flatten', 'dense', 'dropout', 'dense_1', 'dropout_1', 'dense_2']);
    expect(model.optimizer?.className).toBe('Adam');
    expect(model.optimizer?.iterations).toBe(15000);
    expect(model.optimizer?.learningRate).toBeCloseTo(0.001, 9);
    // Adam's saved moments (Keras orders them by variable) become Strata's slots on the next step.
    const x = tf.zeros([2, 28, 28]);
    const y = tf.tensor1d([3, 5]);
    await model.trainOnBatch(x, y);
    expect(model.optimizer?.iterations).toBe(15001);
    // Strata holds the 6 momenta, then the 6 velocities: velocities are never negative, momenta are.
    const [iterations, ...slots] = model.optimizer?.getWeights() ?? [];
    const min = (t: Tensor | undefined): number => Math.min(...Array.from(t?.dataSync() ?? []));
    expect(slots).toHaveLength(12);
    expect(slots.slice(0, 6).map(min).some((m) => m < 0)).toBe(true);
    expect(slots.slice(6).map(min).every((m) => m >= 0)).toBe(true);
    tf.dispose([x, y, iterations as Tensor, ...slots]);
    model.dispose();
  });

  it('loads the legacy Keras 2 CNN compiled, with its Adam state', async () => {
    const model = await loadModel(readFileSync(join(__dirname, '../../test/fixtures/keras/mnist_cnn_keras2.h5')));
    expect(model.optimizer?.getConfig()).toMatchObject({ beta1: Math.fround(0.9), beta2: Math.fround(0.999) });
    const [x, y] = [tf.zeros([2, 28, 28, 1]), tf.oneHot(tf.tensor1d([3, 5], 'int32'), 10)];
    expect(model.optimizer?.iterations).toBe(6330);
    await model.trainOnBatch(x, y);
    // Keras 2 counted its steps in optimizer_weights/Adam/iter:0 (6330); the moments' shapes fit on this step.
    expect(model.optimizer?.iterations).toBe(6331);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('rejects a path without the .keras suffix and a corrupt source by name', async () => {
    const model = everyLayerModel();
    await expect(saveModel(model, '/tmp/model.h5')).rejects.toThrow('saveModel: filepath must be a path ending in .keras; received filepath="/tmp/model.h5"');
    await expect(loadModel(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).rejects.toThrow(CorruptFileError);
    model.dispose();
  });
});

describe('saveWeights / loadWeights', () => {
  it('round-trips weights by layer name and checks shapes with a clear error', async () => {
    setRandomSeed(3);
    resetLayerNames();
    const a = everyLayerModel();
    resetLayerNames();
    const b = everyLayerModel();
    const handler = new ArrayBufferHandler();
    await saveWeights(a, handler);
    await loadWeights(b, handler);
    const wa = a.getWeights();
    const wb = b.getWeights();
    wa.forEach((w, i) => expect(Array.from(wb[i]?.dataSync() ?? [])).toEqual(Array.from(w.dataSync())));
    const other = new Sequential({ layers: [new InputLayer({ batchInputShape: [null, 3] }), new Dense(8, { name: a.layers[0]?.name }), new Reshape([2, 4]), new Flatten(), new Dense(3, { name: a.layers[4]?.name })] });
    await expect(loadWeights(other, handler)).rejects.toThrow(
      `loadWeights: weight 'kernel' of layer '${a.layers[0]?.name}' (Dense) has shape [3, 8]; the file holds [2, 8]`,
    );
    tf.dispose([...wa, ...wb]);
    [a, b, other].forEach((m) => m.dispose());
  });

  it('loads legacy Keras .h5 weights (weight_names) matched by name', async () => {
    const model = new Sequential({ layers: [new Dense(3, { inputShape: [4], name: 'dense', activation: 'relu' }), new Dense(2, { name: 'dense_1', activation: 'softmax' })] });
    await loadWeights(model, readFileSync(join(__dirname, '../../test/fixtures/h5py/legacy_small.h5')));
    const expected = JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/h5py/small_model_weights.json'), 'utf8')) as Record<string, number[][]>;
    const got = model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(got).toEqual([...(expected['dense'] ?? []), ...(expected['dense_1'] ?? [])].map((v) => v.map(Math.fround)));
    const noBias = new Sequential({ layers: [new Dense(3, { inputShape: [4], name: 'dense', useBias: false }), new Dense(2, { name: 'dense_1' })] });
    await expect(loadWeights(noBias, readFileSync(join(__dirname, '../../test/fixtures/h5py/legacy_small.h5')))).rejects.toThrow(
      "loadWeights: layer 'dense' (Dense) has 1 weights; the file holds 2",
    );
    // Nothing was changed: the check runs for every layer before any weight is set.
    expect(Array.from(noBias.layers[1]?.getWeights()[1]?.dataSync() ?? [])).toEqual([0, 0]);
    model.dispose();
    noBias.dispose();
  });
});
