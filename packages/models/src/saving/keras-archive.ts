/**
 * The `.keras` archive (Keras 3's format, and Strata's native one): a zip holding `config.json` (the
 * architecture and compile settings as serialized Keras objects), `model.weights.h5` (variables at
 * `layers/<name>/vars/<i>`, optimizer state at `optimizer/vars/<i>`) and `metadata.json`
 * (`keras_version`, `date_saved`; Strata adds `strata_version`).
 */
import { CorruptFileError } from './errors';
import { readHdf5 } from './hdf5-reader';
import { h5Group, type H5Group } from './hdf5-tree';
import { writeHdf5 } from './hdf5-writer';
import { asKerasObject, isRecord, type KerasObject } from './keras-layer-config';
import { readZip, writeZip, type ReadZipArgs } from './zip';

/** The three parts of a `.keras` archive. */
export interface KerasArchive {
  /** The parsed `config.json`. */
  config: KerasObject;
  /** The parsed `model.weights.h5` (an empty group when the archive has none). */
  weights: H5Group;
  /** The parsed `metadata.json`. */
  metadata: Record<string, unknown>;
  /** The size of `model.weights.h5` in bytes (0 when absent). */
  weightBytes?: number;
}

const ZIP_MAGIC = [0x50, 0x4b];

/** True when `bytes` start like a zip archive (`PK`). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Parses JSON from a file, naming the entry on failure. */
export function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new CorruptFileError(`${where}: invalid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Reads a `.keras` archive held in memory. */
export function readKerasArchive(bytes: Uint8Array, limits: ReadZipArgs = {}): KerasArchive {
  if (!looksLikeZip(bytes)) throw new CorruptFileError(`loadModel: not a .keras archive (expected a zip file starting with "PK"; ${bytes.length} bytes)`);
  const entries = readZip(bytes, { ...limits, only: ['config.json', 'model.weights.h5', 'metadata.json'] });
  const configBytes = entries.get('config.json');
  if (configBytes === undefined) throw new CorruptFileError('loadModel: the .keras archive has no config.json');
  const config = asKerasObject(parseJson(configBytes, 'loadModel: config.json'), 'loadModel: config.json');
  const metadataBytes = entries.get('metadata.json');
  const metadata = metadataBytes === undefined ? {} : parseJson(metadataBytes, 'loadModel: metadata.json');
  if (!isRecord(metadata)) throw new CorruptFileError('loadModel: metadata.json is not a JSON object');
  const weightsBytes = entries.get('model.weights.h5');
  return {
    config,
    metadata,
    weights: weightsBytes === undefined ? h5Group() : readHdf5(weightsBytes),
    weightBytes: weightsBytes?.length ?? 0,
  };
}

/** Writes a `.keras` archive. */
export function writeKerasArchive(archive: KerasArchive): Uint8Array {
  const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
  return writeZip(
    new Map([
      ['metadata.json', json(archive.metadata)],
      ['config.json', json(archive.config)],
      ['model.weights.h5', writeHdf5(archive.weights)],
    ]),
  );
}
