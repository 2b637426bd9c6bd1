/**
 * TF.js-format models as files (Node): `model.json` and its shards in one folder. Saving writes every file
 * beside its target first and renames `model.json` into place last, so an error leaves the previous model
 * whole; shards of the previous save that the new one no longer names are removed afterwards. Loading
 * reads only shards inside the model's folder and never more bytes than the manifest describes.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { defineOptions, formatValue, RuntimeError } from '@strata-ml/core';
import { atomicWriteFiles } from '../atomic-write';
import { CorruptFileError } from '../errors';
import { isRecord } from '../keras-layer-config';
import { tfjsLimits, type TfjsArtifacts, type TfjsReadArgs } from './artifacts';
import type { TfjsIOHandler } from './tfjs-io-handler';
import { SHARD_BYTES, fromModelJsonFiles, parseModelJson, toModelJsonFiles } from './model-json';

/** Options of {@link TfjsFileHandler}. */
export interface TfjsFileHandlerArgs extends TfjsReadArgs {
  /** Largest shard written, in bytes (default 4 MiB, as the TF.js converter). */
  shardBytes?: number;
}

const TFJS_FILE_HANDLER_OPTIONS = defineOptions<TfjsFileHandlerArgs>('TfjsFileHandler', { shardBytes: true, maxJsonBytes: true, maxWeightBytes: true, maxWeights: true });

/** The `model.json` a path names: the path itself when it ends in `.json`, else `<path>/model.json`. */
export function modelJsonPath(path: string): string {
  return path.endsWith('.json') ? path : join(path, 'model.json');
}

/** A TF.js model stored as `model.json` plus shards in a folder of the file system. */
export class TfjsFileHandler implements TfjsIOHandler {
  readonly format = 'tfjs' as const;
  /** The `model.json` file. */
  readonly path: string;
  private readonly args: TfjsFileHandlerArgs;

  constructor(path: string, args: TfjsFileHandlerArgs = {}) {
    this.args = TFJS_FILE_HANDLER_OPTIONS.check(args);
    this.path = modelJsonPath(path);
  }

  async save(artifacts: TfjsArtifacts): Promise<void> {
    const dir = dirname(this.path);
    if (!existsSync(dir)) throw new RuntimeError(`saveModel: the folder ${dir} does not exist`);
    const previous = this.shardsOfExisting();
    const { modelJson, shards } = toModelJsonFiles(artifacts, this.args.shardBytes ?? SHARD_BYTES);
    const json = new TextEncoder().encode(JSON.stringify(modelJson));
    atomicWriteFiles([...shards.map((s) => [join(dir, s.path), s.bytes] as const), [this.path, json] as const]);
    const written = new Set(shards.map((s) => s.path));
    for (const stale of previous) if (!written.has(stale)) rmSync(join(dir, stale), { force: true });
  }

  async load(): Promise<TfjsArtifacts> {
    const where = `loadModel: ${this.path}`;
    const limits = tfjsLimits(this.args);
    const modelJson = parseModelJson(this.readBounded(this.path, limits.maxJsonBytes, where, 'model.json'), where, limits);
    return fromModelJsonFiles(modelJson, async (path, maxBytes) => this.readBounded(this.shardPath(path, where), maxBytes, where, `shard ${path}`), where, limits);
  }

  /** The shard files the `model.json` now on disk names (inside its folder), to clean up after a save. */
  private shardsOfExisting(): string[] {
    try {
      const json: unknown = JSON.parse(readFileSync(this.path, 'utf-8'));
      const manifest = isRecord(json) && Array.isArray(json['weightsManifest']) ? json['weightsManifest'] : [];
      return manifest
        .flatMap((g: unknown) => (isRecord(g) && Array.isArray(g['paths']) ? g['paths'] : []))
        .filter((p: unknown): p is string => typeof p === 'string' && basename(p) === p && p.endsWith('.bin'));
    } catch {
      return [];
    }
  }

  private shardPath(path: string, where: string): string {
    const dir = dirname(resolve(this.path));
    const full = resolve(dir, normalize(path));
    const rel = relative(dir, full);
    if (isAbsolute(path) || /^[a-z][a-z0-9+.-]*:/i.test(path) || rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) {
      throw new CorruptFileError(`${where}: shard path ${formatValue(path)} leads outside the model's folder`);
    }
    return full;
  }

  private readBounded(path: string, maxBytes: number, where: string, what: string): Uint8Array {
    let size: number;
    try {
      size = statSync(path).size;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT') throw new CorruptFileError(`${where}: ${what} is missing (${path})`);
      throw e;
    }
    if (size > maxBytes) throw new CorruptFileError(`${where}: ${what} has ${size} bytes, more than the ${maxBytes} expected`);
    return new Uint8Array(readFileSync(path));
  }
}
