import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setRandomSeed, tf } from '@strata-ml/core';
import { Dense } from '@strata-ml/layers';
import { blobs, useTestBackend } from '../../test/helpers';
import { loadModel } from '../saving/save-model';
import { Sequential } from '../sequential';
import { ModelCheckpoint } from './model-checkpoint';

beforeAll(useTestBackend);

function model(): Sequential {
  const m = new Sequential({ layers: [new Dense(5, { activation: 'relu', inputShape: [2] }), new Dense(3, { activation: 'softmax' })] });
  m.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return m;
}

describe('ModelCheckpoint', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'strata-ckpt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves every epoch under a templated name', async () => {
    setRandomSeed(5);
    const { x, y } = blobs(6);
    const m = model();
    await m.fit(x, y, { epochs: 3, batchSize: 18, verbose: 0, callbacks: [new ModelCheckpoint({ filepath: join(dir, 'sub', 'm-{epoch:02d}-{loss:.2f}.keras') })] });
    const names = readdirSync(join(dir, 'sub')).sort();
    expect(names).toHaveLength(3);
    expect(names.map((n) => n.slice(0, 5))).toEqual(['m-01-', 'm-02-', 'm-03-']);
    expect(names.every((n) => /^m-0\d-\d+\.\d\d\.keras$/.test(n))).toBe(true);
    m.dispose();
    tf.dispose([x, y]);
  });

  it('saveBestOnly keeps the model of the best val_loss epoch', async () => {
    setRandomSeed(6);
    const { x, y } = blobs(6);
    const val = blobs(4, 9);
    const m = model();
    const path = join(dir, 'best.keras');
    const checkpoint = new ModelCheckpoint({ filepath: path, monitor: 'val_loss', saveBestOnly: true });
    const history = await m.fit(x, y, { epochs: 5, batchSize: 6, verbose: 0, validationData: [val.x, val.y], callbacks: [checkpoint] });
    const best = Math.min(...(history.history['val_loss'] as number[]));
    expect(checkpoint.best).toBe(best);
    const restored = await loadModel(path);
    const [loss] = (await restored.evaluate(val.x, val.y, { verbose: 0, batchSize: 6 })) as number[];
    expect(Math.abs((loss as number) - best)).toBeLessThan(1e-6);
    [m, restored].forEach((mm) => mm.dispose());
    tf.dispose([x, y, val.x, val.y, val.labels]);
  });

  it('saveWeightsOnly writes .weights.h5 files, and saveFreq counts batches', async () => {
    setRandomSeed(7);
    const { x, y } = blobs(6);
    const m = model();
    await m.fit(x, y, {
      epochs: 2,
      batchSize: 6,
      verbose: 0,
      callbacks: [new ModelCheckpoint({ filepath: join(dir, 'w-{epoch}-{batch}.weights.h5'), saveWeightsOnly: true, saveFreq: 2 })],
    });
    // 3 batches per epoch, a save every 2 batches over 6 batches: after batches 1, 0 (next epoch) and 2.
    expect(readdirSync(dir).sort()).toEqual(['w-1-1.weights.h5', 'w-2-0.weights.h5', 'w-2-2.weights.h5']);
    m.dispose();
    tf.dispose([x, y]);
  });

  it('checks its arguments', () => {
    expect(() => new ModelCheckpoint({ filepath: 'model.h5' })).toThrow('ModelCheckpoint: filepath must be a path ending in .keras; received filepath="model.h5"');
    expect(() => new ModelCheckpoint({ filepath: 'm.keras', saveWeightsOnly: true })).toThrow(
      'ModelCheckpoint: filepath must be a path ending in .weights.h5 (saveWeightsOnly); received filepath="m.keras"',
    );
    expect(() => new ModelCheckpoint({ filepath: 'm.keras', saveFreq: 0 })).toThrow("ModelCheckpoint: saveFreq must be 'epoch' or a positive integer; received saveFreq=0");
    expect(existsSync('m.keras')).toBe(false);
  });
});
