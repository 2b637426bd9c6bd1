import { tf, Tensor, setRandomSeed, RuntimeError, ShapeError, UnknownIdentifierError, ValueError } from '@strata/core';
import { Activation, Dense, Dropout, l2 } from '@strata/layers';
import { LambdaCallback, Sequential } from './index';
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
