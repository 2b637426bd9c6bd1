/**
 * TF.js's layers format against stock tfjs-layers 4.22: models built, trained and saved by TF.js (in a child
 * process, `stock-tfjs.cjs`) load in Strata with equal predictions; Strata saves them back and TF.js's own
 * `loadLayersModel` (over HTTP, its real loader) predicts the same; broken and hostile files give named errors.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { tf, type Tensor } from '@strata-ml/core';
import { Bidirectional, Dense, GRU, LSTM, TimeDistributed, Embedding, Input, Subtract } from '@strata-ml/layers';
import { Adam, SGD } from '@strata-ml/optimizers';
import { useTestBackend } from '../helpers';
import { Model } from '../../src/model';
import { Sequential } from '../../src/sequential';
import { CorruptFileError, UnsupportedFeatureError } from '../../src/saving/errors';
import { loadModel, saveModel } from '../../src/saving/save-model';
import { runStockTfjs, serveFolder } from './stock';

type Nested = number | Nested[];
interface Io {
  inputs: Nested[];
  outputs: Nested[];
}

const root = mkdtempSync(join(tmpdir(), 'strata-tfjs-'));
const fixtures = join(root, 'from-tfjs');
const saved = join(root, 'from-strata');
let server: { url: string; server: Server; requests: string[] };

beforeAll(async () => {
  await useTestBackend();
  await runStockTfjs('build', fixtures);
  mkdirSync(saved);
  server = await serveFolder(root);
}, 120_000);

afterAll(() => {
  server.server.close();
  rmSync(root, { recursive: true, force: true });
});

const FIXTURES = ['mlp', 'sgd_momentum', 'rmsprop', 'cnn', 'conv1d', 'global_pooling', 'rnn', 'bidirectional_sum', 'activations', 'merge', 'nested'];

function io(id: string): Io {
  return JSON.parse(readFileSync(join(fixtures, id, 'io.json'), 'utf-8')) as Io;
}

function predict(model: Model, inputs: Nested[]): number[][] {
  const xs = inputs.map((x) => tf.tensor(x as number[]));
  const out = model.predictOnBatch(xs.length === 1 ? (xs[0] as Tensor) : xs);
  const list = Array.isArray(out) ? out : [out];
  const values = list.map((t) => Array.from(t.dataSync()));
  tf.dispose([...xs, ...list]);
  return values;
}

function flat(values: Nested[]): number[][] {
  return values.map((v) => (Array.isArray(v) ? (v.flat(8) as number[]) : [v]));
}

/** Largest |a - b| / (1 + |b|) over all outputs. */
function maxError(a: number[][], b: number[][]): number {
  expect(a.map((x) => x.length)).toEqual(b.map((x) => x.length));
  return Math.max(...a.flatMap((x, i) => x.map((v, j) => Math.abs(v - (b[i]?.[j] as number)) / (1 + Math.abs(b[i]?.[j] as number)))));
}

async function stockPredict(id: string, inputs: Nested[]): Promise<{ outputs: Nested[]; optimizer: { className: string; iterations: number } | null }> {
  const inputsFile = join(root, `${id}-inputs.json`);
  const outFile = join(root, `${id}-out.json`);
  writeFileSync(inputsFile, JSON.stringify(inputs));
  await runStockTfjs('predict', `${server.url}/from-strata/${id}/model.json`, inputsFile, outFile);
  return JSON.parse(readFileSync(outFile, 'utf-8'));
}

describe('TF.js layers format', () => {
  it.each(FIXTURES)('%s: a model saved by tfjs-layers loads with equal predictions', async (id) => {
    const model = await loadModel(join(fixtures, id, 'model.json'));
    const { inputs, outputs } = io(id);
    expect(maxError(predict(model, inputs), flat(outputs))).toBeLessThan(1e-5);
    model.dispose();
  });

  it.each(FIXTURES)('%s: saved by Strata, stock loadLayersModel loads it and predicts the same', async (id) => {
    const model = await loadModel(join(fixtures, id));
    mkdirSync(join(saved, id));
    // A folder with format 'tfjs' means <folder>/model.json.
    await saveModel(model, join(saved, id), { format: 'tfjs' });
    const { inputs } = io(id);
    const stock = await stockPredict(id, inputs);
    expect(maxError(flat(stock.outputs), predict(model, inputs))).toBeLessThan(1e-5);
    if (id === 'mlp') expect(stock.optimizer).toEqual({ className: 'Adam', iterations: 4 });
    model.dispose();
  });

  it('restores the optimizer TF.js saved: class, hyperparameters, iteration count and one slot per weight', async () => {
    const model = await loadModel(join(fixtures, 'mlp', 'model.json'));
    expect(model.optimizer).toBeInstanceOf(Adam);
    expect(model.optimizer?.iterations).toBe(4);
    expect(model.optimizer?.learningRate).toBeCloseTo(0.01);
    expect(model.compiledState?.losses[0]?.className).toBe('CategoricalCrossentropy');
    const sgd = await loadModel(join(fixtures, 'sgd_momentum'));
    expect(sgd.optimizer).toBeInstanceOf(SGD);
    expect((sgd.optimizer as SGD).momentum).toBeCloseTo(0.9);
    expect(sgd.optimizer?.getWeights().length).toBe(1 + sgd.trainableWeights.length);
    model.dispose();
    sgd.dispose();
  });

  it('loads over http:// and reads the shards relative to model.json', async () => {
    const model = await loadModel(`${server.url}/from-tfjs/cnn/model.json`);
    const { inputs, outputs } = io('cnn');
    expect(maxError(predict(model, inputs), flat(outputs))).toBeLessThan(1e-5);
    expect(server.requests).toContain('/from-tfjs/cnn/weights.bin');
    model.dispose();
  });

  it('writes 4 MiB shards with checksums, and stock TF.js reads all of them', async () => {
    const big = new Sequential({ name: 'big', layers: [new Dense(1100, { inputShape: [1000] }), new Dense(3)] });
    const dir = join(saved, 'big');
    mkdirSync(dir);
    await saveModel(big, join(dir, 'model.json'));
    const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf-8')).weightsManifest;
    expect(manifest[0].paths).toEqual(['group1-shard1of2.bin', 'group1-shard2of2.bin']);
    expect(readFileSync(join(dir, 'group1-shard1of2.bin')).byteLength).toBe(4 * 1024 * 1024);
    expect(manifest[0].crc32).toHaveLength(2);
    const x = [[...Array(1000).keys()].map((i) => Math.sin(i))];
    const stock = await stockPredict('big', [x]);
    expect(maxError(flat(stock.outputs), predict(big, [x]))).toBeLessThan(1e-5);
    big.dispose();
  });

  it('saves Strata models whose layers TF.js spells differently (legacy hard sigmoid, GRU without reset_after)', async () => {
    const model = new Sequential({
      name: 'strata_rnn',
      layers: [
        new Embedding(12, 4, { inputShape: [5] }),
        new Bidirectional(new LSTM(3, { returnSequences: true, recurrentActivation: 'legacy_hard_sigmoid' })),
        new GRU(2, { resetAfter: false, returnSequences: true }),
        new TimeDistributed(new Dense(2, { activation: 'silu', kernelInitializer: 'lecun_normal' })),
      ],
    });
    model.compile({ optimizer: new SGD({ learningRate: 0.1, momentum: 0.5 }), loss: 'mse' });
    const x = [[1, 5, 0, 11, 3], [2, 2, 7, 9, 1]];
    await model.fit(tf.tensor(x), tf.ones([2, 5, 2]), { epochs: 2, verbose: 0 });
    mkdirSync(join(saved, 'strata_rnn'));
    await saveModel(model, join(saved, 'strata_rnn', 'model.json'));
    const stock = await stockPredict('strata_rnn', [x]);
    expect(maxError(flat(stock.outputs), predict(model, [x]))).toBeLessThan(1e-5);
    expect(stock.optimizer).toEqual({ className: 'Momentum', iterations: 2 });
    // And back: the optimizer resumes from TF.js's accumulators.
    const back = await loadModel(join(saved, 'strata_rnn'));
    const [w0, w1] = [model.optimizer?.getWeights() ?? [], back.optimizer?.getWeights() ?? []];
    expect(w1.map((t) => t.shape)).toEqual(w0.map((t) => t.shape));
    w0.forEach((t, i) => expect(maxError([Array.from(w1[i]?.dataSync() ?? [])], [Array.from(t.dataSync())])).toBeLessThan(1e-6));
    tf.dispose([...w0, ...w1]);
    model.dispose();
    back.dispose();
  });

  it('names what TF.js cannot express', async () => {
    const gru = new Sequential({ layers: [new GRU(2, { inputShape: [3, 2] })] });
    await expect(saveModel(gru, join(root, 'gru.json'))).rejects.toThrow(/option 'reset_after'=true cannot be saved in TF.js format/);
    const hard = new Sequential({ layers: [new Dense(2, { inputShape: [3], activation: 'hard_sigmoid' })] });
    await expect(saveModel(hard, join(root, 'hard.json'))).rejects.toThrow(/activation "hard_sigmoid" has no TF.js equivalent \(Keras 3's/);
    const a = Input({ shape: [2] });
    const b = Input({ shape: [2] });
    const sub = new Model({ inputs: [a, b], outputs: new Subtract().apply([a, b]) as never });
    await expect(saveModel(sub, join(root, 'sub.json'))).rejects.toThrow(UnsupportedFeatureError);
    await expect(saveModel(sub, join(root, 'sub.json'))).rejects.toThrow(/tfjs-layers has no Subtract layer/);
    [gru, hard, sub].forEach((m) => m.dispose());
    expect(readdirSync(root)).not.toContain('gru.json');
  });
});

describe('TF.js layers format: broken and hostile files', () => {
  function copyFixture(id: string, name: string): string {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const f of readdirSync(join(fixtures, id))) copyFileSync(join(fixtures, id, f), join(dir, f));
    return dir;
  }

  it('a missing shard', async () => {
    const dir = copyFixture('mlp', 'missing');
    rmSync(join(dir, 'weights.bin'));
    await expect(loadModel(dir)).rejects.toThrow(CorruptFileError);
    await expect(loadModel(dir)).rejects.toThrow(/shard \.\/weights\.bin is missing/);
  });

  it('a truncated or padded shard', async () => {
    const dir = copyFixture('mlp', 'truncated');
    const bytes = readFileSync(join(dir, 'weights.bin'));
    writeFileSync(join(dir, 'weights.bin'), bytes.subarray(0, bytes.length - 4));
    await expect(loadModel(dir)).rejects.toThrow(/hold \d+ bytes; their weights take \d+ \(a shard is truncated or missing\)/);
    writeFileSync(join(dir, 'weights.bin'), Buffer.concat([bytes, Buffer.alloc(8)]));
    await expect(loadModel(dir)).rejects.toThrow(/has \d+ bytes, more than the \d+ expected/);
  });

  it('a shard whose checksum does not match', async () => {
    const model = new Sequential({ layers: [new Dense(2, { inputShape: [3] })] });
    const dir = join(root, 'checksum');
    mkdirSync(dir);
    await saveModel(model, join(dir, 'model.json'));
    const shard = join(dir, 'group1-shard1of1.bin');
    const bytes = readFileSync(shard);
    bytes[3] = (bytes[3] as number) ^ 0xff;
    writeFileSync(shard, bytes);
    await expect(loadModel(dir)).rejects.toThrow(/shard group1-shard1of1\.bin is corrupt \(its CRC-32 does not match model\.json\)/);
    model.dispose();
  });

  it('a shard path leading outside the folder, a weight no layer has, an absurd layer', async () => {
    const dir = copyFixture('mlp', 'hostile');
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf-8'));
    const edit = (change: (j: typeof json) => void): void => {
      const copy = JSON.parse(JSON.stringify(json));
      change(copy);
      writeFileSync(join(dir, 'model.json'), JSON.stringify(copy));
    };
    edit((j) => (j.weightsManifest[0].paths = ['../../etc/passwd']));
    await expect(loadModel(dir)).rejects.toThrow(/shard path "\.\.\/\.\.\/etc\/passwd" leads outside the model's folder/);
    edit((j) => (j.weightsManifest[0].weights[0].name = 'nowhere/kernel'));
    await expect(loadModel(dir)).rejects.toThrow(/needs weight 'dense_Dense1\/kernel' \[8, 16\]; the weights manifest has no such weight/);
    edit((j) => (j.modelTopology.config.layers[0].config.units = 1e9));
    await expect(loadModel(dir)).rejects.toThrow(/would create weight 'kernel' of shape \[8, 1000000000\]/);
    edit((j) => (j.modelTopology.config.layers[0].class_name = 'Lambda'));
    await expect(loadModel(dir)).rejects.toThrow(/holds Python code/);
    edit((j) => (j.weightsManifest[0].weights[0].shape = [2 ** 40, 2 ** 40]));
    await expect(loadModel(dir)).rejects.toThrow(/absurd shape|more than maxWeightBytes/);
    writeFileSync(join(dir, 'model.json'), '{"modelTopology": ');
    await expect(loadModel(dir)).rejects.toThrow(/model\.json is not valid JSON/);
    await expect(loadModel(join(fixtures, 'mlp'), { maxJsonBytes: 100 })).rejects.toThrow(/more than the 100 expected/);
  });

  it('over HTTP: a missing shard and a shard on another origin', async () => {
    const dir = copyFixture('cnn', 'http-broken');
    rmSync(join(dir, 'weights.bin'));
    await expect(loadModel(`${server.url}/http-broken/model.json`)).rejects.toThrow(/shard \.\/weights\.bin is missing \(HTTP 404/);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf-8'));
    json.weightsManifest[0].paths = ['http://example.invalid/w.bin'];
    writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
    await expect(loadModel(`${server.url}/http-broken/model.json`)).rejects.toThrow(/is on another origin than model\.json/);
  });

  it('a failed save leaves the previous model whole', async () => {
    const dir = join(root, 'keep');
    mkdirSync(dir);
    const first = new Sequential({ layers: [new Dense(2, { inputShape: [3] })] });
    await saveModel(first, join(dir, 'model.json'));
    const before = readFileSync(join(dir, 'model.json'), 'utf-8');
    const bad = new Sequential({ layers: [new Dense(2, { inputShape: [3], activation: 'exponential' })] });
    await expect(saveModel(bad, join(dir, 'model.json'))).rejects.toThrow(UnsupportedFeatureError);
    expect(readFileSync(join(dir, 'model.json'), 'utf-8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    [first, bad].forEach((m) => m.dispose());
  });
});
