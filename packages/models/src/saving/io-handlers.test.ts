import { setRandomSeed, tf } from '@strata-ml/core';
import { Dense } from '@strata-ml/layers';
import { useTestBackend } from '../../test/helpers';
import type { Model } from '../model';
import { Sequential } from '../sequential';
import { IndexedDBHandler } from './indexeddb-handler';
import { ArrayBufferHandler } from './io-handlers';
import { loadModel, saveModel } from './save-model';

beforeAll(useTestBackend);

function model(): Sequential {
  setRandomSeed(8);
  return new Sequential({ layers: [new Dense(3, { inputShape: [2], activation: 'relu' }), new Dense(1)] });
}

async function roundTrip(save: (m: Sequential) => Promise<void>, load: () => Promise<Model>): Promise<void> {
  const m = model();
  await save(m);
  const back = await load();
  const x = tf.tensor2d([[1, -2], [0.5, 3]]);
  const [a, b] = [m.predictOnBatch(x), back.predictOnBatch(x) as tf.Tensor];
  expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
  tf.dispose([x, a, b]);
  m.dispose();
  back.dispose();
}

describe('IO handlers', () => {
  it('ArrayBufferHandler keeps the archive as an ArrayBuffer that also loads directly', async () => {
    const handler = new ArrayBufferHandler();
    await expect(handler.load()).rejects.toThrow('ArrayBufferHandler.load: nothing has been saved to this handler');
    await roundTrip((m) => saveModel(m, handler), () => loadModel(handler));
    expect(handler.buffer).toBeInstanceOf(ArrayBuffer);
    await roundTrip(async () => undefined, () => loadModel(handler.buffer as ArrayBuffer));
  });

  it('IndexedDBHandler stores and loads under a key, and names a missing key', async () => {
    // fake-indexeddb is an ES module: an in-memory IndexedDB for Node.
    const { IDBFactory } = await import('fake-indexeddb');
    const factory = new IDBFactory();
    const handler = new IndexedDBHandler({ key: 'mlp', factory });
    await roundTrip((m) => saveModel(m, handler), () => loadModel(new IndexedDBHandler({ key: 'mlp', factory })));
    await expect(loadModel(new IndexedDBHandler({ key: 'other', factory }))).rejects.toThrow(
      'IndexedDBHandler.load: no model is stored under key "other" in strata-models/models',
    );
  });

  it('IndexedDBHandler explains when IndexedDB is missing', () => {
    expect(() => new IndexedDBHandler({ key: 'm' })).toThrow('IndexedDBHandler: IndexedDB is not available here');
  });
});
