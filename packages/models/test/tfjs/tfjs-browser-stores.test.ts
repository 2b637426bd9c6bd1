/**
 * TF.js's IndexedDB and localStorage layouts against stock TF.js itself. The stores live in the process, so
 * stock `@tensorflow/tfjs` runs here beside Strata (on the same tfjs-core CPU backend), with fake-indexeddb
 * and an in-memory Storage standing in for the browser's, and TF.js's browser flag set so its
 * `indexeddb://` and `localstorage://` handlers accept them.
 */
import { tf, type Tensor } from '@strata-ml/core';
import { Dense } from '@strata-ml/layers';
import { useTestBackend } from '../helpers';
import { Sequential } from '../../src/sequential';
import { loadModel, saveModel } from '../../src/saving/save-model';
import type { Model } from '../../src/model';

/** localStorage's interface over a Map. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

/**
 * fake-indexeddb clones records with Node's structuredClone, whose arrays belong to Node's realm rather
 * than the test's, and tfjs-layers tests `instanceof Array`; a browser clones within its page. This clones
 * within the test's realm.
 */
function cloneHere(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneHere);
  if (value instanceof ArrayBuffer) return value.slice(0);
  if (ArrayBuffer.isView(value) || value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneHere(v)]));
}

type Stock = typeof import('@tensorflow/tfjs');
let stock: Stock;
const nodeStructuredClone = globalThis.structuredClone;
const globals = globalThis as unknown as Record<string, unknown>;

beforeAll(async () => {
  await useTestBackend();
  const { indexedDB } = await import('fake-indexeddb');
  globals['indexedDB'] = indexedDB;
  globals['localStorage'] = new MemoryStorage();
  globals['window'] = globalThis;
  globals['structuredClone'] = cloneHere;
  stock = await import('@tensorflow/tfjs');
  stock.env().set('IS_BROWSER', true);
});

afterAll(() => {
  stock.env().set('IS_BROWSER', false);
  for (const key of ['indexedDB', 'localStorage', 'window']) delete globals[key];
  globals['structuredClone'] = nodeStructuredClone;
});

function stockModel(): import('@tensorflow/tfjs').Sequential {
  const m = stock.sequential();
  m.add(stock.layers.dense({ units: 5, inputShape: [3], activation: 'tanh', name: 'hidden' }));
  m.add(stock.layers.dense({ units: 2, activation: 'softmax', name: 'out' }));
  m.setWeights(m.weights.map((w, i) => stock.randomUniform(w.shape as number[], -1, 1, 'float32', i + 1)));
  return m;
}

const X = [[0.5, -1, 2], [1, 0, -0.3]];

function strataPredict(model: Model): number[] {
  const x = tf.tensor2d(X);
  const y = model.predictOnBatch(x) as Tensor;
  const out = Array.from(y.dataSync());
  tf.dispose([x, y]);
  return out;
}

function stockPredict(model: import('@tensorflow/tfjs').LayersModel): number[] {
  const y = model.predict(stock.tensor2d(X)) as import('@tensorflow/tfjs').Tensor;
  return Array.from(y.dataSync());
}

function expectClose(a: number[], b: number[]): void {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => expect(Math.abs(v - (b[i] as number))).toBeLessThan(1e-6));
}

describe.each(['indexeddb', 'localstorage'])('%s:// in TF.js layout', (scheme) => {
  it('a model TF.js saved there loads in Strata', async () => {
    const m = stockModel();
    await m.save(`${scheme}://from-tfjs`);
    const loaded = await loadModel(`${scheme}://from-tfjs`);
    expectClose(strataPredict(loaded), stockPredict(m));
    loaded.dispose();
  });

  it('a model Strata saved there in TF.js format loads in TF.js', async () => {
    const m = new Sequential({ layers: [new Dense(4, { inputShape: [3], activation: 'relu' }), new Dense(2)] });
    await saveModel(m, `${scheme}://from-strata`, { format: 'tfjs' });
    const expected = strataPredict(m);
    // TF.js names its variables after the layers, and Strata's live ones would be taken in this shared engine.
    m.dispose();
    const back = await stock.loadLayersModel(`${scheme}://from-strata`);
    expectClose(stockPredict(back), expected);
  });
});

it('indexeddb:// finds Strata .keras archives and TF.js models under their own keys', async () => {
  const m = new Sequential({ layers: [new Dense(2, { inputShape: [3] })] });
  await saveModel(m, 'indexeddb://native');
  const back = await loadModel('indexeddb://native');
  expectClose(strataPredict(back), strataPredict(m));
  await expect(loadModel('indexeddb://nothing-here')).rejects.toThrow(/no model is stored under key "nothing-here"/);
  [m, back].forEach((x) => x.dispose());
});
