/**
 * The files Strata writes are read by the HDF5 C library itself (h5wasm, the library h5py and so Keras
 * use), not only by Strata's own reader. h5wasm is an ES module, so it runs in a child Node process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setRandomSeed, tf } from '@strata-ml/core';
import { Dense, LSTM } from '@strata-ml/layers';
import { useTestBackend } from '../../test/helpers';
import { Sequential } from '../sequential';
import { readKerasArchive } from './keras-archive';
import { modelToBytes } from './model-archive';
import { readZip } from './zip';

beforeAll(useTestBackend);

const PACKAGE_ROOT = join(__dirname, '../..');

// Prints every dataset of the file as "path dtype shape sum" with the C library.
const DUMP = `
const h5 = await import('h5wasm/node');
const { readFileSync } = await import('node:fs');
const Module = await h5.ready;
Module.FS.writeFile('/f.h5', readFileSync(process.argv[1]));
const file = new h5.File('/f.h5', 'r');
const out = [];
const walk = (group, prefix) => {
  for (const key of group.keys()) {
    const node = group.get(key);
    const path = prefix + '/' + key;
    if (node instanceof h5.Group) walk(node, path);
    else {
      const v = node.value;
      const values = typeof v === 'object' && v !== null && 'length' in v ? Array.from(v, Number) : [Number(v)];
      out.push([path, node.dtype, JSON.stringify(node.shape), values.reduce((a, b) => a + b, 0).toFixed(4)].join(' '));
    }
  }
};
walk(file, '');
file.close();
console.log(out.join('\\n'));
`;

describe('HDF5 interop', () => {
  it('the HDF5 C library reads the weights and optimizer state of a Strata .keras archive', async () => {
    setRandomSeed(4);
    const model = new Sequential({ layers: [new LSTM(3, { inputShape: [4, 2], returnSequences: false }), new Dense(2, { activation: 'softmax' })] });
    model.compile({ optimizer: 'adam', loss: 'mse' });
    const [x, y] = [tf.ones([2, 4, 2]), tf.zeros([2, 2])];
    await model.trainOnBatch(x, y);
    tf.dispose([x, y]);
    const dir = mkdtempSync(join(tmpdir(), 'strata-h5-'));
    const path = join(dir, 'model.weights.h5');
    const bytes = modelToBytes(model);
    writeFileSync(path, readZip(bytes).get('model.weights.h5') as Uint8Array);
    const dump = execFileSync(process.execPath, ['--input-type=module', '-e', DUMP, path], { encoding: 'utf8', cwd: PACKAGE_ROOT }).trim().split('\n');
    const ours = readKerasArchive(bytes).weights;
    const sum = (p: string): string => {
      const node = p.split('/').filter(Boolean).reduce<unknown>((n, k) => (n as { children: Map<string, unknown> }).children.get(k), ours) as { data: Float32Array };
      return Array.from(node.data).reduce((a, b) => a + b, 0).toFixed(4);
    };
    const optimizer = dump.filter((l) => l.startsWith('/optimizer/'));
    // iterations (int64, = 1), learning rate, then (m, v) for each of the 5 variables.
    expect(optimizer).toHaveLength(12);
    expect(optimizer[0]).toBe('/optimizer/vars/0 <q [] 1.0000');
    expect(optimizer.map((l) => l.split(' ')[3]).slice(1)).toEqual(
      optimizer.slice(1).map((l) => sum(l.split(' ')[0] as string)),
    );
    const layers = dump.filter((l) => l.startsWith('/layers/'));
    const expected = ['/layers/dense/vars/0', '/layers/dense/vars/1', '/layers/lstm/cell/vars/0', '/layers/lstm/cell/vars/1', '/layers/lstm/cell/vars/2'];
    expect(layers.map((l) => l.split(' ')[0])).toEqual(expected);
    expect(layers.map((l) => l.split(' ').slice(1, 3).join(' '))).toEqual(['<f [3,2]', '<f [2]', '<f [2,12]', '<f [3,12]', '<f [12]']);
    expect(layers.map((l) => l.split(' ')[3])).toEqual(expected.map(sum));
    model.dispose();
    rmSync(dir, { recursive: true });
  });
});
