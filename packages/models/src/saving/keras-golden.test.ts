import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setBackend, tf, type Tensor } from '@strata-ml/core';
import { CorruptFileError } from './errors';
import { sequentialFromKeras } from './keras-sequential';
import { readKerasArchive } from './keras-archive';
import { readModel } from './keras-model-reader';
import { modelFromBytes, modelToBytes } from './model-archive';

const FIXTURES = join(__dirname, '../../test/fixtures/keras');

// Inference only: the default WASM backend runs the 252-step GRU in under a second (the reference cpu
// backend takes about a minute).
beforeAll(() => setBackend(process.env['STRATA_TEST_BACKEND'] ?? 'wasm'));

interface IoFixture {
  input_shape: number[];
  output_shape: number[];
  input: unknown;
  output: unknown;
}

function flat(x: unknown): number[] {
  return Array.isArray(x) ? x.flatMap(flat) : [x as number];
}

function predict(file: string, input: number[], shape: number[]): { values: number[]; shape: number[] } {
  const { model } = readModel(readFileSync(join(FIXTURES, file)));
  let y: Tensor = tf.tensor(input.map(Math.fround), shape);
  for (const { layer } of model.layers) {
    const next = layer.apply(y) as Tensor;
    if (next !== y) y.dispose();
    y = next;
  }
  const out = { values: Array.from(y.dataSync()), shape: y.shape };
  y.dispose();
  model.layers.forEach((l) => l.layer.dispose());
  return out;
}

const FILES = ['mnist_mlp_keras3.keras', 'mnist_cnn_keras3.keras', 'mnist_cnn_keras2.h5', 'lstm_keras3.keras', 'gru_keras3.keras'];

describe('Keras golden files', () => {
  it.each(FILES)('%s loads and predicts the numpy reference to 1e-5', (file) => {
    const io = JSON.parse(readFileSync(join(FIXTURES, file.replace(/\.(keras|h5)$/, '.io.json')), 'utf8')) as IoFixture;
    const before = tf.memory().numTensors;
    const { values, shape } = predict(file, flat(io.input), [4, ...io.input_shape]);
    expect(shape).toEqual([4, ...io.output_shape]);
    const want = flat(io.output);
    const worst = Math.max(...values.map((v, i) => Math.abs(v - (want[i] as number))));
    expect(worst).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    ['mnist_mlp_keras3.keras', [1, 0, 2, 4, 5]],
    ['mnist_cnn_keras3.keras', [1, 0, 7, 4, 5]],
    ['mnist_cnn_keras2.h5', [1, 0, 7, 4, 5]],
  ])('%s reads drawn digits as the reference does (kernel layout and flatten order)', (file, labels) => {
    const digits = JSON.parse(readFileSync(join(FIXTURES, 'mnist_synthetic_digits.json'), 'utf8')) as {
      input: unknown;
      outputs: Record<string, { model_input_shape: number[]; output: unknown; argmax: number[] }>;
    };
    const ref = digits.outputs[file];
    if (ref === undefined) throw new Error(`no reference for ${file}`);
    const { values } = predict(file, flat(digits.input), [5, ...ref.model_input_shape]);
    const argmax = [0, 1, 2, 3, 4].map((r) => {
      const row = values.slice(r * 10, r * 10 + 10);
      return row.indexOf(Math.max(...row));
    });
    expect(argmax).toEqual(labels);
    expect(argmax).toEqual(ref.argmax);
    const want = flat(ref.output);
    values.forEach((v, i) => expect(Math.abs(v - (want[i] as number))).toBeLessThan(1e-5));
  });
});

describe('hostile model configs', () => {
  it('rejects a config whose weights would dwarf the file, before allocating them', () => {
    const config = {
      class_name: 'Sequential',
      config: {
        name: 'big',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 100000], name: 'in' } },
          { class_name: 'Dense', config: { name: 'huge', units: 1000000 } },
        ],
      },
    };
    const before = tf.memory().numTensors;
    expect(() => sequentialFromKeras(config, 20000)).toThrow(
      new CorruptFileError(
        "loadModel: Sequential 'big': layer 'huge' would create weight 'kernel' of shape [100000, 1000000] (400000000000 bytes), more than the file holds",
      ),
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('writing Keras configs', () => {
  // What Keras's own config holds that Strata writes differently on purpose: dtype policies (Strata writes
  // "float32"), object identities (shared_object_id) and an old alias of Orthogonal.
  const normalize = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(normalize);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== 'shared_object_id' && k !== 'dtype')
      .map(([k, v]) => [k, k === 'class_name' && v === 'OrthogonalInitializer' ? 'Orthogonal' : normalize(v)]);
    return Object.fromEntries(entries);
  };

  it.each(FILES.filter((f) => f.endsWith('.keras')))('%s: Strata writes every layer as Keras wrote it', async (file) => {
    const bytes = readFileSync(join(FIXTURES, file));
    const original = readKerasArchive(bytes).config.config['layers'] as { config: Record<string, unknown> }[];
    const model = modelFromBytes(bytes);
    const written = readKerasArchive(modelToBytes(model)).config.config['layers'] as { config: Record<string, unknown> }[];
    expect(written).toHaveLength(original.length);
    written.forEach((layer, i) => {
      const theirs = normalize(original[i]) as Record<string, unknown>;
      const ours = normalize(layer) as Record<string, unknown>;
      // Keras omits nothing Strata writes; Strata omits only options left unset (null).
      const theirConfig = theirs['config'] as Record<string, unknown>;
      const ourConfig = ours['config'] as Record<string, unknown>;
      for (const [key, value] of Object.entries(theirConfig)) {
        if (key in ourConfig) expect([key, ourConfig[key]]).toEqual([key, value]);
        else expect([key, value]).toEqual([key, key === 'sparse' || key === 'ragged' ? false : null]);
      }
      expect(Object.keys(ourConfig).filter((k) => !(k in theirConfig))).toEqual([]);
      expect([ours['class_name'], ours['module']]).toEqual([theirs['class_name'], theirs['module']]);
    });
    model.dispose();
  });
});
