import { setRandomSeed, tf, type Tensor } from '@strata-ml/core';
import { Add, Concatenate, Dense, Input, resetLayerNames, type SymbolicTensor } from '@strata-ml/layers';
import { useTestBackend } from '../../test/helpers';
import { Model } from '../model';
import { Sequential } from '../sequential';
import { UnsupportedFeatureError } from './errors';
import { readKerasArchive } from './keras-archive';
import { functionalFromKeras } from './keras-functional';
import { modelFromBytes, modelToBytes } from './model-archive';

beforeAll(useTestBackend);
beforeEach(resetLayerNames);

/** Two inputs, a shared layer, two outputs. */
function graphModel(): Model {
  setRandomSeed(31);
  const a = Input({ shape: [3], name: 'a' });
  const b = Input({ shape: [3], name: 'b' });
  const shared = new Dense(4, { activation: 'relu', name: 'shared' });
  const sum = new Add({ name: 'sum' }).apply([shared.apply(a), shared.apply(b)]) as SymbolicTensor;
  const joined = new Concatenate({ name: 'joined' }).apply([sum, a]) as SymbolicTensor;
  return new Model({ name: 'pair', inputs: [a, b], outputs: [new Dense(1, { name: 'score' }).apply(joined), new Dense(2, { activation: 'softmax', name: 'kind' }).apply(sum)] });
}

function data(): { xa: Tensor; xb: Tensor; score: Tensor; kind: Tensor } {
  return {
    xa: tf.tensor2d([[1, 0, -1], [0.5, 2, 0], [-1, -1, 1], [0, 0.3, 0.7]]),
    xb: tf.tensor2d([[0, 1, 0], [1, 1, 1], [2, 0, -2], [0.1, 0.2, 0.3]]),
    score: tf.tensor2d([[1], [0], [2], [-1]]),
    kind: tf.tensor2d([[1, 0], [0, 1], [1, 0], [0, 1]]),
  };
}

describe('functional models in .keras archives', () => {
  it('writes the Keras 3 Functional config: inbound_nodes with __keras_tensor__ references, input_layers, output_layers', () => {
    const model = graphModel();
    const { config } = readKerasArchive(modelToBytes(model));
    expect([config['class_name'], config['module'], config['registered_name']]).toEqual(['Functional', 'keras.src.models.functional', 'Functional']);
    const inner = config['config'] as Record<string, unknown>;
    expect(inner['input_layers']).toEqual([['a', 0, 0], ['b', 0, 0]]);
    expect(inner['output_layers']).toEqual([['score', 0, 0], ['kind', 0, 0]]);
    const layers = inner['layers'] as Record<string, unknown>[];
    expect(layers.map((l) => l['name'])).toEqual(['a', 'b', 'shared', 'sum', 'joined', 'score', 'kind']);
    expect(layers[0]).toEqual({
      module: 'keras.layers', class_name: 'InputLayer', registered_name: null, name: 'a', inbound_nodes: [],
      config: { batch_shape: [null, 3], dtype: 'float32', sparse: false, name: 'a' },
    });
    const ref = (shape: (number | null)[], history: [string, number, number]): unknown => ({ class_name: '__keras_tensor__', config: { shape, dtype: 'float32', keras_history: history } });
    expect(layers[2]?.['inbound_nodes']).toEqual([
      { args: [ref([null, 3], ['a', 0, 0])], kwargs: {} },
      { args: [ref([null, 3], ['b', 0, 0])], kwargs: {} },
    ]);
    expect(layers[3]?.['inbound_nodes']).toEqual([{ args: [[ref([null, 4], ['shared', 0, 0]), ref([null, 4], ['shared', 1, 0])]], kwargs: {} }]);
    expect(layers[2]?.['build_config']).toEqual({ input_shape: [null, 3] });
    model.dispose();
  });

  it('round-trips: same graph, predictions, compile settings and optimizer state (the next step matches)', async () => {
    const model = graphModel();
    const { xa, xb, score, kind } = data();
    model.compile({ optimizer: 'adam', loss: ['mse', 'categorical_crossentropy'], lossWeights: [1, 0.5], metrics: { kind: ['accuracy'] } });
    await model.fit([xa, xb], [score, kind], { epochs: 2, batchSize: 2, verbose: 0, shuffle: false });
    const loaded = modelFromBytes(modelToBytes(model));
    expect(loaded).not.toBeInstanceOf(Sequential);
    expect(loaded.name).toBe('pair');
    expect(loaded.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
    expect(loaded.outputNames).toEqual(['score', 'kind']);
    const [p, q] = [model.predictOnBatch([xa, xb]) as Tensor[], loaded.predictOnBatch([xa, xb]) as Tensor[]];
    p.forEach((t, i) => expect(Array.from((q[i] as Tensor).dataSync())).toEqual(Array.from(t.dataSync())));
    const next = await model.trainOnBatch([xa, xb], [score, kind]);
    const nextLoaded = await loaded.trainOnBatch([xa, xb], [score, kind]);
    // Reloaded metrics: accuracy restarts, so compare the losses only.
    expect((nextLoaded as number[]).slice(0, 3)).toEqual((next as number[]).slice(0, 3));
    tf.dispose([xa, xb, score, kind, ...p, ...q]);
    model.dispose();
    loaded.dispose();
  });

  it('reports what it cannot save or read', () => {
    const innerIn = Input({ shape: [2] });
    const inner = new Model({ inputs: innerIn, outputs: new Dense(2).apply(innerIn), name: 'inner' });
    const x = Input({ shape: [2] });
    const outer = new Model({ inputs: x, outputs: inner.apply(x) });
    expect(() => modelToBytes(outer)).toThrow("saveModel: Model 'functional' holds the model 'inner'; saving nested models is not supported yet");
    expect(() => modelToBytes(new Model({ name: 'bare' }))).toThrow(UnsupportedFeatureError);
    const keras2 = {
      class_name: 'Functional',
      config: {
        name: 'old',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 2], dtype: 'float32', name: 'in' }, name: 'in', inbound_nodes: [] },
          { class_name: 'Dense', config: { name: 'd', units: 1, dtype: 'float32' }, name: 'd', inbound_nodes: [[['in', 0, 0, {}]]] },
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [['d', 0, 0]],
      },
    };
    expect(() => functionalFromKeras(keras2)).toThrow("loadModel: Functional 'old': layer 'd' has calls in the Keras 2 format");
    outer.dispose();
  });
});
