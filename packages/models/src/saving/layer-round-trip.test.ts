import { setRandomSeed, tf, type Tensor } from '@strata-ml/core';
import {
  AveragePooling1D, AveragePooling2D, BatchNormalization, Conv1D, Conv2D, Conv2DTranspose, Cropping2D, Dense, ELU, Embedding, Flatten,
  GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D, GRU, InputLayer, LayerNormalization, LeakyReLU,
  LSTM, MaxPooling1D, Bidirectional, TimeDistributed, MaxPooling2D, Permute, PReLU, ReLU, RepeatVector, SimpleRNN, Softmax, UpSampling2D, ZeroPadding2D, type Layer,
} from '@strata-ml/layers';
import { useTestBackend } from '../../test/helpers';
import { Sequential } from '../sequential';
import { KERAS_LAYERS } from './keras-layers';
import { modelFromBytes, modelToBytes } from './model-archive';

beforeAll(useTestBackend);

// Every layer Strata maps to Keras, in three small stacks that fit each layer's input rank.
const STACKS: [string, number[], () => Layer[], 'float' | 'int'][] = [
  [
    'images',
    [2, 6, 6, 2],
    () => [
      new Conv2D(3, 3, { padding: 'same', activation: 'relu' }),
      new BatchNormalization({ momentum: 0.9 }),
      new MaxPooling2D(2),
      new ZeroPadding2D({ padding: 1 }),
      new Cropping2D({ cropping: 1 }),
      new UpSampling2D({ size: 2 }),
      new Conv2DTranspose(2, 2, { strides: 2 }),
      new AveragePooling2D(2),
      new PReLU(),
      new GlobalMaxPooling2D(),
      new RepeatVector(3),
      new Flatten(),
      new Dense(4),
      new LeakyReLU({ negativeSlope: 0.2 }),
    ],
    'float',
  ],
  [
    'sequences',
    [2, 8, 3],
    () => [
      new Conv1D(4, 2, { activation: 'tanh' }),
      new MaxPooling1D(2, { strides: 1 }),
      new AveragePooling1D(2, { strides: 1 }),
      new LSTM(4, { returnSequences: true }),
      new GRU(3, { returnSequences: true }),
      new SimpleRNN(3, { returnSequences: true }),
      new LayerNormalization(),
      new Permute([2, 1]),
      new GlobalAveragePooling1D(),
      new ReLU({ maxValue: 6 }),
      new ELU({ alpha: 0.5 }),
      new Softmax(),
    ],
    'float',
  ],
  ['tokens', [2, 5], () => [new Embedding(10, 3), new GlobalMaxPooling1D(), new Dense(2)], 'int'],
  [
    'wrapped',
    [2, 4, 3],
    () => [new TimeDistributed(new Dense(2)), new Bidirectional(new LSTM(3, { returnSequences: true }), { mergeMode: 'concat' }), new Bidirectional(new GRU(2))],
    'float',
  ],
  ['images, pooled by average', [2, 4, 4, 1], () => [new GlobalAveragePooling2D()], 'float'],
];

function input(shape: number[], kind: 'float' | 'int'): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, (_, i) => (kind === 'int' ? (i * 7) % 10 : Math.sin(i * 1.3)));
  return tf.tensor(values, shape, kind === 'int' ? 'int32' : 'float32');
}

describe('every Keras-mapped layer round-trips through a .keras archive', () => {
  it.each(STACKS)('%s: same config, weights, predictions and next training step', async (_, shape, layers, kind) => {
    setRandomSeed(3);
    const before = tf.memory().numTensors;
    const model = new Sequential({ layers: [new InputLayer({ batchInputShape: [null, ...shape.slice(1)] }), ...layers()] });
    model.compile({ optimizer: 'adam', loss: 'mse' });
    const x = input(shape, kind);
    const target = tf.tidy(() => tf.onesLike(model.predictOnBatch(x)));
    await model.trainOnBatch(x, target);
    const loaded = modelFromBytes(modelToBytes(model));
    expect(loaded.getConfig()).toEqual(model.getConfig());
    const [a, b] = [model.predictOnBatch(x), loaded.predictOnBatch(x) as Tensor];
    const [va, vb] = [a.dataSync(), b.dataSync()];
    expect(vb.length).toBe(va.length);
    va.forEach((v, i) => expect(Math.abs((vb[i] as number) - v)).toBeLessThan(1e-6));
    expect(await loaded.trainOnBatch(x, target)).toEqual(await model.trainOnBatch(x, target));
    const [wa, wb] = [model.getWeights(), loaded.getWeights()];
    wa.forEach((w, i) => expect(Array.from(wb[i]?.dataSync() ?? [])).toEqual(Array.from(w.dataSync())));
    tf.dispose([a, b, x, target, ...wa, ...wb]);
    // A model leaves its optimizer alone on dispose (it may be shared).
    model.optimizer?.dispose();
    loaded.optimizer?.dispose();
    model.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('covers every class in the Keras table', () => {
    const used = new Set(['InputLayer', 'Dense', 'Activation', 'Dropout', 'Flatten', 'Reshape']);
    for (const [, , layers] of STACKS) for (const layer of layers()) used.add(layer.className);
    expect(Object.values(KERAS_LAYERS).map((s) => s.strata).filter((c) => !used.has(c))).toEqual([]);
  });
});
