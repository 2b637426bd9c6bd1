import { tf, ValueError } from '@strata-ml/core';
import { Activation, Dense, Dropout, Flatten, InputLayer, deserializeLayer, serializeLayer, resetLayerNames } from '@strata-ml/layers';
import { Sequential } from './index';
import { useTestBackend, collector } from '../test/helpers';

beforeAll(useTestBackend);

/** The seed's Listing 1.3.2 model. */
function seedModel(): Sequential {
  const model = new Sequential();
  model.add(new Dense(256, { inputDim: 784 }));
  model.add(new Activation('relu'));
  model.add(new Dropout(0.45));
  model.add(new Dense(256));
  model.add(new Activation('relu'));
  model.add(new Dropout(0.45));
  model.add(new Dense(10));
  model.add(new Activation('softmax'));
  return model;
}

const SEED_SUMMARY = `Model: "sequential"
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
dense (Dense)                (None, 256)               200960
_________________________________________________________________
activation (Activation)      (None, 256)               0
_________________________________________________________________
dropout (Dropout)            (None, 256)               0
_________________________________________________________________
dense_1 (Dense)              (None, 256)               65792
_________________________________________________________________
activation_1 (Activation)    (None, 256)               0
_________________________________________________________________
dropout_1 (Dropout)          (None, 256)               0
_________________________________________________________________
dense_2 (Dense)              (None, 10)                2570
_________________________________________________________________
activation_2 (Activation)    (None, 10)                0
=================================================================
Total params: 269,322
Trainable params: 269,322
Non-trainable params: 0
_________________________________________________________________`;

describe('Sequential', () => {
  it("prints the seed model's summary (Listing 1.3.3): 269,322 params", () => {
    resetLayerNames();
    const model = seedModel();
    const out = collector();
    const text = model.summary({ printFn: out.print });
    expect(text).toBe(SEED_SUMMARY);
    expect(out.lines.join('\n')).toBe(SEED_SUMMARY);
    expect(model.countParams()).toBe(269322);
    expect(model.layers.map((l) => l.countParams())).toEqual([200960, 0, 0, 65792, 0, 0, 2570, 0]);
    model.dispose();
  });

  it('builds from the first layer input shape, an InputLayer, or the first batch', async () => {
    const a = new Sequential({ layers: [new Dense(4, { inputShape: [3] })] });
    expect(a.built).toBe(true);
    expect(a.inputShape).toEqual([null, 3]);
    const b = new Sequential({ layers: [new InputLayer({ inputShape: [5] }), new Dense(2)] });
    expect(b.layers.map((l) => l.className)).toEqual(['Dense']);
    expect(b.countParams()).toBe(12);
    const c = new Sequential({ layers: [new Flatten(), new Dense(2)] });
    expect(c.built).toBe(false);
    expect(() => c.summary()).toThrow(ValueError);
    const x = tf.zeros([2, 3, 3]);
    const y = await c.predict(x, { verbose: 0 });
    expect(y.shape).toEqual([2, 2]);
    expect(c.summary({ printFn: () => undefined })).toContain('flatten');
    tf.dispose([x, y]);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('pops layers and rejects duplicate names and empty pops', () => {
    const model = new Sequential();
    const d = new Dense(2, { inputDim: 2, name: 'same' });
    model.add(d);
    expect(() => model.add(new Dense(2, { name: 'same' }))).toThrow(
      "Sequential 'sequential_1'.add: all layers must have unique names; 'same' is already the name of a layer in this model".replace('sequential_1', model.name),
    );
    expect(model.pop()).toBe(d);
    expect(() => model.pop()).toThrow(`Sequential '${model.name}'.pop: there are no layers in the model`);
    d.dispose();
  });

  it('round-trips through its config and computes the same outputs with copied weights', () => {
    const model = new Sequential({ layers: [new InputLayer({ inputShape: [4] }), new Dense(3, { activation: 'tanh' }), new Dense(2)] });
    const copy = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(model)))) as Sequential;
    expect(copy).toBeInstanceOf(Sequential);
    expect(copy.getConfig()).toEqual(model.getConfig());
    const w = model.getWeights();
    copy.setWeights(w);
    const x = tf.tensor2d([[1, 2, 3, 4], [-1, 0, 1, 0]]);
    const [y1, y2] = [model.predictOnBatch(x), copy.predictOnBatch(x)];
    expect(Array.from(y2.dataSync())).toEqual(Array.from(y1.dataSync()));
    tf.dispose([...w, x, y1, y2]);
    model.dispose();
    copy.dispose();
  });

  it('nests: a Sequential can be a layer of another, and trains through it', async () => {
    const inner = new Sequential({ name: 'inner', layers: [new Dense(4, { inputDim: 3 })] });
    const outer = new Sequential({ layers: [inner, new Dense(2, { name: 'head' })] });
    expect(outer.built).toBe(true);
    expect(outer.countParams()).toBe(16 + 10);
    const text = outer.summary({ printFn: () => undefined });
    expect(text).toContain('inner (Sequential)           (None, 4)                 16');
    expect(text).toContain('head (Dense)                 (None, 2)                 10');
    outer.compile({ loss: 'mse', optimizer: 'sgd' });
    const x = tf.ones([4, 3]);
    const y = tf.zeros([4, 2]);
    const before = (await outer.evaluate(x, y, { verbose: 0 })) as number;
    await outer.fit(x, y, { epochs: 3, verbose: 0 });
    expect((await outer.evaluate(x, y, { verbose: 0 })) as number).toBeLessThan(before);
    const copy = deserializeLayer(serializeLayer(outer)) as Sequential;
    expect(copy.countParams()).toBe(26);
    tf.dispose([x, y]);
    outer.dispose();
    copy.dispose();
  });

  it('orders weights layer by layer, as Keras 3', () => {
    const model = new Sequential({ layers: [new Dense(2, { inputDim: 2, name: 'a' }), new Dense(2, { name: 'b' })] });
    const bias = model.layers[0]?.weights[1];
    if (bias) bias.trainable = false;
    expect(model.weights.map((w) => w.path)).toEqual(['a/kernel', 'a/bias', 'b/kernel', 'b/bias']);
    expect(model.trainableWeights.map((w) => w.path)).toEqual(['a/kernel', 'b/kernel', 'b/bias']);
    expect(model.nonTrainableWeights.map((w) => w.path)).toEqual(['a/bias']);
    model.dispose();
  });

  it('freezing the model makes every weight non-trainable', () => {
    const model = new Sequential({ layers: [new Dense(3, { inputDim: 2 }), new Dense(1)] });
    expect(model.trainableWeights).toHaveLength(4);
    model.trainable = false;
    expect(model.trainableWeights).toHaveLength(0);
    expect(model.nonTrainableWeights).toHaveLength(4);
    expect(model.summary({ printFn: () => undefined })).toContain('Non-trainable params: 13');
    model.dispose();
  });
});
