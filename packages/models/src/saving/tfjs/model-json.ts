/**
 * `model.json` and its weight shards ↔ TF.js artifacts. The weights are cut into shards of 4 MiB, as the
 * TF.js converter does (`group1-shard1of3.bin`, …); each manifest group also records the CRC-32 of each of
 * its shards (`crc32`, a key TF.js ignores), so a corrupt or mismatched shard is reported, not read.
 */
import { formatValue } from '@strata-ml/core';
import { crc32 } from '../crc32';
import { CorruptFileError } from '../errors';
import { isRecord } from '../keras-layer-config';
import { checkWeightSpecs, joinWeightData, specBytes, tfjsLimits, type TfjsArtifacts, type TfjsReadArgs, type TfjsWeightSpec } from './artifacts';

/** TF.js's shard size (the converter's default `weight_shard_size_bytes`). */
export const SHARD_BYTES = 4 * 1024 * 1024;

/** One group of a weights manifest: its shard files and the weights their concatenated bytes hold. */
export interface WeightsManifestGroup {
  paths: string[];
  weights: TfjsWeightSpec[];
  /** Strata's addition: the CRC-32 of each shard, in the order of `paths`. */
  crc32?: number[];
}

/** A `model.json` and the shard files it names. */
export interface ModelJsonFiles {
  /** The `model.json` object. */
  modelJson: Record<string, unknown>;
  /** The shards, by the path `model.json` gives them (relative to its folder). */
  shards: { path: string; bytes: Uint8Array }[];
}

/** Lays out artifacts as `model.json` plus shards of at most `shardBytes` (default 4 MiB). */
export function toModelJsonFiles(artifacts: TfjsArtifacts, shardBytes = SHARD_BYTES): ModelJsonFiles {
  const data = joinWeightData(artifacts.weightData);
  const count = Math.max(1, Math.ceil(data.byteLength / shardBytes));
  const shards = Array.from({ length: count }, (_, i) => ({
    path: `group1-shard${i + 1}of${count}.bin`,
    bytes: data.subarray(i * shardBytes, Math.min(data.byteLength, (i + 1) * shardBytes)),
  }));
  const group: WeightsManifestGroup = { paths: shards.map((s) => s.path), weights: artifacts.weightSpecs, crc32: shards.map((s) => crc32(s.bytes)) };
  const { weightSpecs: _specs, weightData: _data, ...rest } = artifacts;
  return { modelJson: { ...rest, weightsManifest: [group] }, shards };
}

/** Reads one shard given its path in `model.json`; `maxBytes` is the most it may hold. */
export type ShardReader = (path: string, maxBytes: number) => Promise<Uint8Array>;

function checkGroup(value: unknown, where: string): WeightsManifestGroup {
  if (!isRecord(value) || !Array.isArray(value['paths']) || !value['paths'].every((p) => typeof p === 'string') || !Array.isArray(value['weights'])) {
    throw new CorruptFileError(`${where}: expected a manifest group { paths, weights }; received ${formatValue(value)}`);
  }
  const sums = value['crc32'];
  if (sums !== undefined && (!Array.isArray(sums) || sums.length !== value['paths'].length || !sums.every((s) => Number.isInteger(s)))) {
    throw new CorruptFileError(`${where}: crc32 must list one checksum per shard; received ${formatValue(sums)}`);
  }
  return value as unknown as WeightsManifestGroup;
}

/** Parses `model.json` bytes, bounded by `maxJsonBytes`. */
export function parseModelJson(bytes: Uint8Array, where: string, limits: TfjsReadArgs = {}): Record<string, unknown> {
  const { maxJsonBytes } = tfjsLimits(limits);
  if (bytes.byteLength > maxJsonBytes) throw new CorruptFileError(`${where}: model.json has ${bytes.byteLength} bytes, more than maxJsonBytes=${maxJsonBytes}`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new CorruptFileError(`${where}: model.json is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(json) || !isRecord(json['modelTopology'])) {
    throw new CorruptFileError(`${where}: model.json has no modelTopology object; is it a TF.js layers model? (received keys ${formatValue(isRecord(json) ? Object.keys(json) : json)})`);
  }
  return json;
}

/**
 * Reads the shards that `model.json` names (through `read`) and returns the artifacts. Each group's
 * shards must add up to exactly the bytes its weights take and match their checksums when given;
 * shards are read one by one, each bounded by what is still missing.
 */
export async function fromModelJsonFiles(modelJson: Record<string, unknown>, read: ShardReader, where: string, limits: TfjsReadArgs = {}): Promise<TfjsArtifacts> {
  const bounds = tfjsLimits(limits);
  const manifest = modelJson['weightsManifest'] ?? [];
  if (!Array.isArray(manifest)) throw new CorruptFileError(`${where}: weightsManifest must be a list; received ${formatValue(manifest)}`);
  const groups = manifest.map((g) => checkGroup(g, `${where}: weightsManifest`));
  const specs = groups.flatMap((g) => g.weights);
  checkWeightSpecs(specs, `${where}: weightsManifest`, bounds);
  const buffers: ArrayBuffer[] = [];
  for (const group of groups) {
    const expected = group.weights.reduce((n, s) => n + specBytes(s), 0);
    let got = 0;
    for (const [i, path] of group.paths.entries()) {
      const bytes = await read(path, expected - got);
      got += bytes.byteLength;
      if (got > expected) throw new CorruptFileError(`${where}: shard ${path} makes its group hold more than the ${expected} bytes its weights take`);
      const sum = group.crc32?.[i];
      if (sum !== undefined && crc32(bytes) !== sum) throw new CorruptFileError(`${where}: shard ${path} is corrupt (its CRC-32 does not match model.json)`);
      buffers.push(bytes.slice().buffer);
    }
    if (got !== expected) {
      throw new CorruptFileError(`${where}: the shards ${group.paths.join(', ')} hold ${got} bytes; their weights take ${expected} (a shard is truncated or missing)`);
    }
  }
  const { weightsManifest: _manifest, ...rest } = modelJson;
  return { ...rest, modelTopology: modelJson['modelTopology'] as Record<string, unknown>, weightSpecs: specs, weightData: buffers };
}
