import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tf, Tensor, RandomGenerator, setRandomSeed, RuntimeError, ShapeError, UnknownIdentifierError, ValueError } from '@strata-ml/core';
import { Activation, Concatenate, Dense, Dropout, Input, l2, resetLayerNames, type SymbolicTensor } from '@strata-ml/layers';
import { LambdaCallback, Model, Sequential, loadModel } from './index';
import { blobs, useTestBackend } from '../test/helpers';

beforeAll(useTestBackend);

function classifier(): Sequential {
  const model = new Sequential();
  model.add(new Dense(16, { inputDim: 2, activation: 'relu' }));
  model.add(new Dropout(0.1));
  model.add(new Dense(3));
  model.add(new Activation('softmax'));
  return model;
}

describe('Model.fit / evaluate / predict', () => {
  it('learns a 3-class problem of 300 samples to >= 95% accuracy', async () => {
    setRandomSeed(1);
    const { x, y } = blobs(100);
    const model = classifier();
    model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
    const history = await model.fit(x, y, { epochs: 30, batchSize: 16, verbose: 0 });
    expect(Object.keys(history.history)).toEqual(['loss', 'accuracy']);
    expect(history.epoch).toEqual([...Array(30).keys()]);
    expect(model.history).toBe(history);
    expect(history.params).toEqual({ epochs: 30, steps: 19, verbose: 0 });
    const losses = history.history['loss'] as number[];
    expect(losses[29]).toBeLessThan((losses[0] as number) / 3);
    const [loss, acc] = (await model.evaluate(x, y, { verbose: 0 })) as number[];
    expect(acc).toBeGreaterThanOrEqual(0.95);
    expect(loss).toBeLessThan(0.3);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('is bit-for-bit repeatable under setRandomSeed (weights and loss history)', async () => {
    const run = async (): Promise<{ loss: number[]; weights: number[][] }> => {
      setRandomSeed(42);
      const { x, y } = blobs(30, 3);
      const model = classifier();
      model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam' });
      const h = await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0 });
      const w = model.getWeights();
      const result = { loss: h.history['loss'] as number[], weights: w.map((t) => Array.from(t.dataSync())) };
      tf.dispose([x, y, ...w]);
      model.dispose();
      return result;
    };
    const a = await run();
    const b = await run();
    expect(b.loss).toEqual(a.loss);
    expect(b.weights).toEqual(a.weights);
  });

  it('leaks no tensors across epochs, evaluate and predict', async () => {
    setRandomSeed(2);
    const { x, y } = blobs(20);
    const model = classifier();
    model.add(new Dense(3, { kernelRegularizer: l2(0.01), activityRegularizer: l2(0.01), activation: 'softmax' }));
    model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
    const counts: number[] = [];
    const probe = new LambdaCallback({ onEpochEnd: () => void counts.push(tf.memory().numTensors) });
    await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0, callbacks: [probe], validationSplit: 0.2 });
    expect(counts[2]).toBe(counts[0]);
    const before = tf.memory().numTensors;
    await model.evaluate(x, y, { verbose: 0 });
    const p = await model.predict(x, { batchSize: 7, verbose: 0 });
    p.dispose();
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('feeds integer inputs as float32 and frees its casts, also when the validation data is rejected', async () => {
    setRandomSeed(4);
    const xi = tf.tensor2d([[0, 2], [1, 0], [-2, -1], [3, 1], [0, 0], [2, -2]], [6, 2], 'int32');
    const xf = tf.cast(xi, 'float32');
    const labels = tf.tensor1d([0, 1, 2, 1, 0, 2], 'int32');
    const model = classifier();
    model.compile({ loss: 'sparse_categorical_crossentropy', optimizer: 'sgd' });
    const before = tf.memory().numTensors;
    await model.fit(xi, labels, { epochs: 2, batchSize: 4, verbose: 0, validationSplit: 0.5 });
    const short = tf.zeros([2, 3]);
    await expect(model.fit(xi, labels, { verbose: 0, validationData: [xi, short] })).rejects.toThrow(
      'fit (validationData): x and y must have the same number of samples',
    );
    short.dispose();
    const fromInts = (await model.evaluate(xi, labels, { verbose: 0 })) as number;
    const fromFloats = (await model.evaluate(xf, labels, { verbose: 0 })) as number;
    expect(fromInts).toBe(fromFloats);
    const [pi, pf] = [(await model.predict(xi, { batchSize: 4, verbose: 0 })) as Tensor, (await model.predict(xf, { verbose: 0 })) as Tensor];
    expect(Array.from(pi.dataSync())).toEqual(Array.from(pf.dataSync()));
    tf.dispose([pi, pf]);
    await model.trainOnBatch(xi, labels);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([xi, xf, labels]);
    model.dispose();
  });

  it('reports val_* keys with validationSplit and validationData, as Keras names them', async () => {
    setRandomSeed(3);
    const { x, y } = blobs(20);
    const model = classifier();
    model.compile({ loss: 'categorical_crossentropy', optimizer: 'sgd', metrics: ['acc'] });
    const h1 = await model.fit(x, y, { epochs: 2, verbose: 0, validationSplit: 0.25 });
    expect(Object.keys(h1.history)).toEqual(['loss', 'acc', 'val_loss', 'val_acc']);
    const h2 = await model.fit(x, y, { epochs: 1, verbose: 0, validationData: [x, y] });
    const [loss, acc] = (await model.evaluate(x, y, { verbose: 0 })) as number[];
    expect(h2.history['val_loss']?.[0]).toBeCloseTo(loss as number, 5);
    expect(h2.history['val_acc']?.[0]).toBeCloseTo(acc as number, 5);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('evaluate returns a scalar without metrics; the loss includes regularization penalties', async () => {
    const model = new Sequential({ layers: [new Dense(1, { inputDim: 2, kernelInitializer: 'ones', kernelRegularizer: l2(0.5) })] });
    model.compile({ loss: 'mse', optimizer: 'sgd' });
    const x = tf.tensor2d([[1, 0], [0, 1]]);
    const y = tf.tensor2d([[0], [0]]);
    // predictions 1 and 1 → mse 1; penalty 0.5 * (1 + 1) = 1
    expect(await model.evaluate(x, y, { verbose: 0 })).toBeCloseTo(2, 6);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('predict runs in batches and matches predictOnBatch; trainOnBatch / testOnBatch return batch results', async () => {
    setRandomSeed(4);
    const { x, y } = blobs(10);
    const model = classifier();
    model.compile({ loss: 'categorical_crossentropy', optimizer: 'sgd', metrics: ['accuracy'] });
    const batched = await model.predict(x, { batchSize: 7, verbose: 0 });
    const whole = model.predictOnBatch(x);
    expect(batched.shape).toEqual([30, 3]);
    Array.from(batched.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(whole.dataSync()[i] as number, 6));
    const before = (await model.testOnBatch(x, y)) as number[];
    expect(before).toHaveLength(2);
    const iterations = model.optimizer?.iterations;
    await model.trainOnBatch(x, y);
    expect(model.optimizer?.iterations).toBe((iterations ?? 0) + 1);
    tf.dispose([x, y, batched, whole]);
    model.dispose();
  });

  it('accepts sparse integer labels and resolves accuracy to sparse accuracy', async () => {
    setRandomSeed(5);
    const { x, labels } = blobs(30);
    const model = classifier();
    model.compile({ loss: 'sparse_categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
    const h = await model.fit(x, labels, { epochs: 2, verbose: 0 });
    expect(h.history['accuracy']?.[1]).toBeGreaterThan(0.3);
    tf.dispose([x, labels]);
    model.dispose();
  });
});

describe('Model error messages', () => {
  let x: Tensor;
  let y: Tensor;
  beforeAll(() => {
    ({ x, y } = blobs(4));
  });

  it('refuses fit, evaluate and trainOnBatch before compile', async () => {
    const model = classifier();
    await expect(model.fit(x, y)).rejects.toThrow(RuntimeError);
    await expect(model.fit(x, y)).rejects.toThrow(
      `Sequential '${model.name}'.fit: the model must be compiled before fit; call model.compile({ loss, optimizer, metrics }) first`,
    );
    await expect(model.evaluate(x, y)).rejects.toThrow('must be compiled before evaluate');
    await expect(model.trainOnBatch(x, y)).rejects.toThrow(RuntimeError);
    model.dispose();
  });

  it('names x/y length mismatches and wrong input shapes', async () => {
    const model = classifier();
    model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam' });
    const short = tf.zeros([11, 3]);
    await expect(model.fit(x, short, { verbose: 0 })).rejects.toThrow(
      'fit: x and y must have the same number of samples; received x with 12 samples (shape [12, 2]) and y with 11 samples (shape [11, 3])',
    );
    const images = tf.zeros([12, 28, 28]);
    await expect(model.fit(images, y, { verbose: 0, batchSize: 128 })).rejects.toThrow(ShapeError);
    await expect(model.fit(images, y, { verbose: 0, batchSize: 128 })).rejects.toThrow(
      `Dense '${model.layers[0]?.name}': expected input last dim 2, received shape [12, 28, 28]`,
    );
    await expect(model.fit(x, y, { batchSize: 0 })).rejects.toThrow('fit: batchSize must be a positive integer; received batchSize=0');
    tf.dispose([short, images]);
    model.dispose();
  });

  it('lists valid names for unknown losses, optimizers and metrics', () => {
    const model = classifier();
    expect(() => model.compile({ loss: 'categorical_crosentropy', optimizer: 'adam' })).toThrow(UnknownIdentifierError);
    expect(() => model.compile({ loss: 'categorical_crosentropy', optimizer: 'adam' })).toThrow(/valid loss names are: .*categorical_crossentropy/);
    expect(() => model.compile({ loss: 'mse', optimizer: 'adamm' })).toThrow(/unknown optimizer.*"adamm".*adam/);
    expect(() => model.compile({ loss: 'mse', optimizer: 'adam', metrics: ['acuracy'] })).toThrow(/valid metric names are: .*accuracy/);
    model.dispose();
  });

  it('rejects sparse labels out of range before training', async () => {
    const model = classifier();
    model.compile({ loss: 'sparse_categorical_crossentropy', optimizer: 'adam' });
    const labels = tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 0, 1, 2, 0, 1], 'int32');
    await expect(model.fit(x, labels, { verbose: 0 })).rejects.toThrow(ValueError);
    await expect(model.fit(x, labels, { verbose: 0 })).rejects.toThrow('labels must be integers in [0, 3) for 3 classes; received labels[3]=3');
    labels.dispose();
    model.dispose();
  });
});

/** Two inputs, two outputs: a regression head `reg` and a 3-class head `cls`, on a shared hidden layer. */
function twoByTwo(): Model {
  resetLayerNames();
  const a = Input({ shape: [4], name: 'a' });
  const b = Input({ shape: [2], name: 'b' });
  const h = new Dense(16, { activation: 'relu', name: 'hidden' }).apply(new Concatenate().apply([a, b]) as SymbolicTensor);
  const reg = new Dense(1, { name: 'reg' }).apply(h);
  const cls = new Dense(3, { activation: 'softmax', name: 'cls' }).apply(h);
  return new Model({ inputs: [a, b], outputs: [reg, cls] });
}

/** Synthetic data for {@link twoByTwo}: reg = Σa − b₀, cls = argmax(a₀ + b₁, a₁, a₂). */
function twoByTwoData(n: number): { a: Tensor; b: Tensor; reg: Tensor; cls: Tensor } {
  const rng = new RandomGenerator(5);
  const a: number[][] = [];
  const b: number[][] = [];
  const reg: number[] = [];
  const cls: number[][] = [];
  for (let i = 0; i < n; i++) {
    const ai = [0, 1, 2, 3].map(() => rng.nextFloat() * 2 - 1);
    const bi = [0, 1].map(() => rng.nextFloat() * 2 - 1);
    a.push(ai);
    b.push(bi);
    reg.push((ai[0] as number) + (ai[1] as number) + (ai[2] as number) + (ai[3] as number) - (bi[0] as number));
    const scores = [(ai[0] as number) + (bi[1] as number), ai[1] as number, ai[2] as number];
    const k = scores.indexOf(Math.max(...scores));
    cls.push([0, 1, 2].map((j) => (j === k ? 1 : 0)));
  }
  return { a: tf.tensor2d(a), b: tf.tensor2d(b), reg: tf.tensor2d(reg, [n, 1]), cls: tf.tensor2d(cls) };
}

describe('multi-input, multi-output models', () => {
  it('train with a loss per output and log loss, <output>_loss and <output>_accuracy as Keras', async () => {
    setRandomSeed(3);
    const model = twoByTwo();
    const { a, b, reg, cls } = twoByTwoData(240);
    model.compile({ optimizer: 'adam', loss: { reg: 'mse', cls: 'categorical_crossentropy' }, lossWeights: [0.5, 1], metrics: { cls: ['accuracy'] } });
    const history = await model.fit([a, b], { cls, reg }, { epochs: 40, batchSize: 16, verbose: 0 });
    expect(Object.keys(history.history)).toEqual(['loss', 'reg_loss', 'cls_loss', 'cls_accuracy']);
    const loss = history.history['loss'] as number[];
    // Seeded: 1.96 in the first epoch, 0.37 in the 40th.
    expect(loss[0]).toBeGreaterThan(1.5);
    expect(loss[39]).toBeLessThan(0.4);
    const logs = await model.evaluateDict({ a, b }, [reg, cls], { verbose: 0 });
    expect(logs['cls_accuracy']).toBeGreaterThan(0.9);
    // The total is the weighted sum of the per-output losses.
    expect(logs['loss']).toBeCloseTo(0.5 * (logs['reg_loss'] as number) + (logs['cls_loss'] as number), 5);
    const before = tf.memory().numTensors;
    const batch = (await model.trainOnBatch([a, b], [reg, cls])) as number[];
    expect(batch.length).toBe(4);
    await model.fit([a, b], [reg, cls], { epochs: 1, verbose: 0, validationSplit: 0.25 });
    expect(tf.memory().numTensors).toBe(before);
    const [pReg, pCls] = model.predictOnBatch([a, b]) as Tensor[];
    expect([pReg?.shape, pCls?.shape]).toEqual([[240, 1], [240, 3]]);
    tf.dispose([a, b, reg, cls, pReg as Tensor, pCls as Tensor]);
    model.dispose();
  });

  it('checks per-output compile arguments against the output names', () => {
    const model = twoByTwo();
    expect(() => model.compile({ optimizer: 'sgd', loss: ['mse'] })).toThrow("compile: loss must have one entry per output (2: 'reg', 'cls'); received 1");
    expect(() => model.compile({ optimizer: 'sgd', loss: { reg: 'mse', out: 'mse' } })).toThrow("compile: loss names an unknown output 'out'; the outputs are 'reg', 'cls'");
    expect(() => model.compile({ optimizer: 'sgd', loss: { reg: 'mse' } })).toThrow("compile: loss has no entry for output 'cls'");
    model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mae'] });
    expect(model.compiledState?.losses.map((l) => l.name)).toEqual(['mean_squared_error', 'mean_squared_error']);
    model.dispose();
  });
});

describe('trainable at compile time (a GAN)', () => {
  it('excludes a frozen discriminator from the combined model, while the discriminator compiled earlier still trains', async () => {
    setRandomSeed(4);
    const discriminator = new Sequential({ name: 'd', layers: [new Dense(1, { activation: 'sigmoid', inputShape: [2] })] });
    discriminator.compile({ loss: 'binary_crossentropy', optimizer: 'sgd' });
    const generator = new Sequential({ name: 'g', layers: [new Dense(2, { inputShape: [3] })] });
    discriminator.trainable = false;
    const z = Input({ shape: [3] });
    const combined = new Model({ inputs: z, outputs: discriminator.apply(generator.apply(z)) });
    combined.compile({ loss: 'binary_crossentropy', optimizer: 'sgd' });
    expect(combined.trainableWeights).toEqual(generator.trainableWeights);
    expect(combined.nonTrainableWeights).toEqual(discriminator.weights);

    const snapshot = (m: Model): number[][] => m.getWeights().map((t) => {
      const v = Array.from(t.dataSync());
      t.dispose();
      return v;
    });
    const noise = tf.randomNormal([8, 3], 0, 1, 'float32', 1);
    const ones = tf.ones([8, 1]);
    const d0 = snapshot(discriminator);
    const g0 = snapshot(generator);
    await combined.trainOnBatch(noise, ones);
    expect(snapshot(discriminator)).toEqual(d0);
    expect(snapshot(generator)).not.toEqual(g0);

    const real = tf.randomNormal([8, 2], 0, 1, 'float32', 2);
    await discriminator.trainOnBatch(real, ones);
    expect(snapshot(discriminator)).not.toEqual(d0);
    tf.dispose([noise, ones, real]);
    combined.dispose();
  });
});

describe('trainable at compile time (changes after compile)', () => {
  it('keeps training a layer frozen after compile until the next compile; trains a layer added after compile', async () => {
    setRandomSeed(9);
    const first = new Dense(3, { inputShape: [2] });
    const model = new Sequential({ layers: [first] });
    model.compile({ loss: 'mse', optimizer: 'sgd' });
    first.trainable = false;
    const last = new Dense(1);
    model.add(last);
    const x = tf.tensor2d([[1, 2], [3, -1]]);
    const y = tf.tensor2d([[1], [0]]);
    const values = (l: Dense): number[] => l.getWeights().flatMap((t) => {
      const v = Array.from(t.dataSync());
      t.dispose();
      return v;
    });
    const [f0, l0] = [values(first), values(last)];
    await model.trainOnBatch(x, y);
    const [f1, l1] = [values(first), values(last)];
    expect(f1).not.toEqual(f0);
    expect(l1).not.toEqual(l0);
    model.compile({ loss: 'mse', optimizer: 'sgd' });
    await model.trainOnBatch(x, y);
    expect(values(first)).toEqual(f1);
    expect(values(last)).not.toEqual(l1);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('Model.save', () => {
  it('writes a .keras archive that loadModel reads back, with the same predictions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-save-'));
    setRandomSeed(8);
    const model = classifier();
    model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
    const file = join(dir, 'model.keras');
    await model.save(file);
    const copy = await loadModel(file);
    const x = tf.tensor2d([[0.5, -1], [2, 0.25]]);
    const [a, b] = [model.predictOnBatch(x), copy.predictOnBatch(x) as Tensor];
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    expect(copy.compiledState?.metricIdentifiers).toEqual(['accuracy']);
    tf.dispose([x, a, b]);
    model.dispose();
    copy.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
});
