import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorruptFileError } from './errors';
import { readHdf5 } from './hdf5-reader';
import { ensureGroup, h5Dataset, h5Get, h5Group } from './hdf5-tree';
import type { H5Dataset } from './hdf5-tree';
import { writeHdf5 } from './hdf5-writer';
import { readZip } from './zip';

const FIXTURES = join(__dirname, '../../test/fixtures/keras');

describe('HDF5 writer + reader', () => {
  it('round-trips groups, datasets of every dtype and attributes', () => {
    const root = h5Group({ keras_version: '3.10.0', count: 3.5, names: ['a', 'bcd'] });
    const vars = ensureGroup(root, 'layers/dense/vars');
    vars.attrs.set('name', 'dense');
    vars.children.set('0', h5Dataset('float32', [2, 3], Float32Array.from([1, 2, 3, 4, 5, 6.5])));
    vars.children.set('1', h5Dataset('float64', [2], Float64Array.from([Math.PI, -1e-300])));
    vars.children.set('2', h5Dataset('int64', [], Float64Array.from([2 ** 40 + 7])));
    vars.children.set('3', h5Dataset('int32', [2], Int32Array.from([-5, 7])));
    vars.children.set('4', h5Dataset('uint8', [3], Uint8Array.from([0, 1, 255])));
    vars.children.set('5', h5Dataset('float32', [0, 4], new Float32Array(0)));
    ensureGroup(root, 'empty');
    const back = readHdf5(writeHdf5(root));
    expect(back.attrs.get('keras_version')).toBe('3.10.0');
    expect(back.attrs.get('count')).toBe(3.5);
    expect(back.attrs.get('names')).toEqual(['a', 'bcd']);
    expect((h5Get(back, 'layers/dense/vars') as { attrs: Map<string, unknown> }).attrs.get('name')).toBe('dense');
    const get = (p: string): H5Dataset => h5Get(back, `layers/dense/vars/${p}`) as H5Dataset;
    expect([get('0').dtype, get('0').shape, Array.from(get('0').data)]).toEqual(['float32', [2, 3], [1, 2, 3, 4, 5, 6.5]]);
    expect(Array.from(get('1').data)).toEqual([Math.PI, -1e-300]);
    expect([get('2').dtype, get('2').shape, Array.from(get('2').data)]).toEqual(['int64', [], [2 ** 40 + 7]]);
    expect(Array.from(get('3').data)).toEqual([-5, 7]);
    expect(Array.from(get('4').data)).toEqual([0, 1, 255]);
    expect([get('5').shape, get('5').data.length]).toEqual([[0, 4], 0]);
    expect(h5Get(back, 'empty')).toEqual(h5Group());
  });

  it('reads a Keras 3 weights file written by h5py', () => {
    const zip = readZip(readFileSync(join(FIXTURES, 'mnist_mlp_keras3.keras')));
    const root = readHdf5(zip.get('model.weights.h5') as Uint8Array);
    expect([...root.children.keys()].sort()).toEqual(['layers', 'optimizer', 'vars']);
    const kernel = h5Get(root, 'layers/dense/vars/0') as H5Dataset;
    expect([kernel.dtype, kernel.shape]).toEqual(['float32', [784, 128]]);
    const iterations = h5Get(root, 'optimizer/vars/0') as H5Dataset;
    expect([iterations.dtype, Array.from(iterations.data)]).toEqual(['int64', [15000]]);
  });

  it('reads a legacy Keras 2 HDF5 model with its string attributes', () => {
    const root = readHdf5(readFileSync(join(FIXTURES, 'mnist_cnn_keras2.h5')));
    expect(root.attrs.get('keras_version')).toBe('2.6.0');
    expect(String(root.attrs.get('model_config'))).toContain('"class_name": "Sequential"');
    const weights = h5Get(root, 'model_weights') as { attrs: Map<string, unknown> };
    expect(weights.attrs.get('layer_names')).toEqual(['conv2d', 'max_pooling2d', 'conv2d_1', 'max_pooling2d_1', 'flatten', 'dropout', 'dense']);
    expect((h5Get(root, 'model_weights/conv2d/conv2d/kernel:0') as H5Dataset).shape).toEqual([3, 3, 1, 32]);
  });

  it('rejects a file without the HDF5 signature', () => {
    expect(() => readHdf5(new TextEncoder().encode('PK\u0003\u0004 not hdf5 at all'))).toThrow(
      new CorruptFileError('readHdf5: not an HDF5 file (the first 8 bytes are not the HDF5 signature; 20 bytes)'),
    );
  });

  it('rejects a dataset whose declared shape exceeds the file before allocating it', () => {
    const root = h5Group();
    root.children.set('w', h5Dataset('float32', [4], Float32Array.from([1, 2, 3, 4])));
    const bytes = writeHdf5(root);
    // Patch the single dimension (value 4) of the dataspace message to 2^31 (8 GiB of float32).
    const view = new DataView(bytes.buffer);
    let patched = 0;
    for (let i = 0; i + 8 <= bytes.length; i++) {
      if (view.getBigUint64(i, true) === 4n && bytes[i - 4] === 2 && bytes[i - 3] === 1) {
        view.setBigUint64(i, 2n ** 31n, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    expect(() => readHdf5(bytes)).toThrow(CorruptFileError);
  });
});
