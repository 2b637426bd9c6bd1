/**
 * Seeded fuzzing of the loaders: truncated, bit-flipped and overwritten copies of real model files must
 * each end in a successful load or a Strata error (the ValueError family) — never a TypeError/RangeError,
 * a crash or a hang.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RandomGenerator, StrataError, setBackend, tf } from '@strata-ml/core';
import { Dense, InputLayer } from '@strata-ml/layers';
import { readHdf5 } from './hdf5-reader';
import { h5Group } from './hdf5-tree';
import { writeHdf5 } from './hdf5-writer';
import { writeKerasArchive } from './keras-archive';
import { layerToKeras } from './keras-layer-config';
import { readModel } from './keras-model-reader';
import { writeKerasWeights } from './layer-weights';

const H5PY = join(__dirname, '../../test/fixtures/h5py');

beforeAll(() => setBackend('cpu'));

function mutate(original: Uint8Array, rng: RandomGenerator): Uint8Array {
  const pick = (n: number): number => Math.floor(rng.nextFloat() * n);
  const kind = pick(4);
  if (kind === 0) return original.slice(0, pick(original.length));
  const bytes = original.slice();
  // Structures (superblocks, headers, directories) sit mostly near the ends; aim half the hits there.
  const position = (): number => (rng.nextFloat() < 0.5 ? pick(Math.min(4096, bytes.length)) : pick(bytes.length));
  if (kind === 1) {
    for (let i = 1 + pick(4); i > 0; i--) {
      const at = position();
      bytes[at] = (bytes[at] as number) ^ (1 << pick(8));
    }
  } else if (kind === 2) {
    // Absurd sizes and addresses: 8 bytes of 0xff or a large power of two.
    const at = position();
    const fill = rng.nextFloat() < 0.5 ? 0xff : 0x7f;
    for (let i = 0; i < 8 && at + i < bytes.length; i++) bytes[at + i] = i === 7 ? fill : rng.nextFloat() < 0.5 ? 0 : 0xff;
  } else {
    const at = Math.max(0, bytes.length - 1 - pick(Math.min(200, bytes.length)));
    bytes[at] = pick(256);
  }
  return bytes;
}

function smallStrataArchive(): Uint8Array {
  const layers = [new InputLayer({ batchInputShape: [null, 4] }), new Dense(3, { activation: 'relu' }), new Dense(2)];
  (layers[1] as Dense).build([null, 4]);
  (layers[2] as Dense).build([null, 3]);
  const weights = h5Group();
  writeKerasWeights(weights, layers.slice(1));
  const config = { module: 'keras', class_name: 'Sequential', config: { name: 'seq', layers: layers.map((l) => layerToKeras(l, null)) }, registered_name: null };
  const bytes = writeKerasArchive({ config, weights, metadata: { keras_version: '3.10.0' } });
  layers.forEach((l) => l.dispose());
  return bytes;
}

const TARGETS: [string, () => Uint8Array, (b: Uint8Array) => unknown][] = [
  ['Keras 3 weights file written by h5py', () => readFileSync(join(H5PY, 'keras3_weights_small.h5')), (b) => readHdf5(b)],
  ['legacy Keras .h5 model written by h5py', () => readFileSync(join(H5PY, 'legacy_small.h5')), (b) => readModel(b)],
  ['Strata .keras archive', smallStrataArchive, (b) => readModel(b)],
  ['Strata HDF5 writer output', () => writeHdf5(readHdf5(readFileSync(join(H5PY, 'keras3_weights_small.h5')))), (b) => readHdf5(b)],
];

describe('loader fuzzing', () => {
  it.each(TARGETS)('%s: 100 mutated copies each load or raise a named Strata error', (_, make, load) => {
    const original = make();
    expect(load(original)).toBeDefined();
    const rng = new RandomGenerator(20261126);
    const outcomes = { loaded: 0, rejected: 0 };
    const tensorsBefore = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) {
      const bytes = mutate(original, rng);
      const started = Date.now();
      try {
        const result = load(bytes) as { model?: { layers: { layer: { dispose(): void } }[] } };
        result.model?.layers.forEach((l) => l.layer.dispose());
        outcomes.loaded++;
      } catch (e) {
        if (!(e instanceof StrataError)) throw new Error(`case ${i}: ${String(e)} is not a Strata error`);
        outcomes.rejected++;
        if (process.env.FUZZ_LOG) console.log(`${i} ${(e as Error).message.slice(0, 150)}`);
      }
      expect(Date.now() - started).toBeLessThan(2000);
    }
    expect(outcomes.loaded + outcomes.rejected).toBe(100);
    expect(outcomes.rejected).toBeGreaterThan(20);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
