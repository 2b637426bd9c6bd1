/**
 * TF.js-format models in the browser's stores, laid out exactly as TF.js lays them out, so a model saved by
 * `model.save('indexeddb://name')` in TF.js loads in Strata and the other way round:
 * - IndexedDB: database `tensorflowjs`, object stores `models_store` (`{ modelPath, modelArtifacts }`) and
 *   `model_info_store` (`{ modelPath, modelArtifactsInfo }`), keyed by `modelPath`.
 * - localStorage: `tensorflowjs_models/<path>/{info,model_topology,weight_specs,weight_data,model_metadata}`,
 *   the weights in base64.
 */
import { defineOptions, invalidArgument, RuntimeError } from '@strata-ml/core';
import { CorruptFileError } from '../errors';
import { isRecord } from '../keras-layer-config';
import { joinWeightData, tfjsLimits, type TfjsArtifacts, type TfjsReadArgs } from './artifacts';
import type { TfjsIOHandler } from './tfjs-io-handler';

const DATABASE = 'tensorflowjs';
const MODELS = 'models_store';
const INFOS = 'model_info_store';

function artifactsInfo(artifacts: TfjsArtifacts, weightBytes: number): Record<string, unknown> {
  const bytes = (v: unknown): number => (v == null ? 0 : new TextEncoder().encode(JSON.stringify(v)).byteLength);
  return { dateSaved: new Date(), modelTopologyType: 'JSON', modelTopologyBytes: bytes(artifacts.modelTopology), weightSpecsBytes: bytes(artifacts.weightSpecs), weightDataBytes: weightBytes };
}

function checkPath(where: string, modelPath: string): void {
  if (typeof modelPath !== 'string' || modelPath.length === 0) throw invalidArgument(where, 'modelPath', 'a non-empty string', modelPath);
}

function request<T>(req: IDBRequest<T>, where: string): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new RuntimeError(`${where}: ${req.error?.message ?? 'request failed'}`));
  });
}

/** Options of {@link TfjsIndexedDBHandler}. */
export interface TfjsIndexedDBHandlerArgs {
  /** The IndexedDB implementation (default the global `indexedDB`). */
  factory?: IDBFactory;
}

const INDEXED_DB_OPTIONS = defineOptions<TfjsIndexedDBHandlerArgs>('TfjsIndexedDBHandler', { factory: true });

/** A TF.js model in IndexedDB under `modelPath`, in TF.js's own database. */
export class TfjsIndexedDBHandler implements TfjsIOHandler {
  readonly format = 'tfjs' as const;
  private readonly factory: IDBFactory;

  constructor(readonly modelPath: string, args: TfjsIndexedDBHandlerArgs = {}) {
    checkPath('TfjsIndexedDBHandler', modelPath);
    const factory = INDEXED_DB_OPTIONS.check(args).factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (factory === undefined) throw new RuntimeError('TfjsIndexedDBHandler: IndexedDB is not available here; pass `factory`');
    this.factory = factory;
  }

  private async open(): Promise<IDBDatabase> {
    const req = this.factory.open(DATABASE, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(MODELS, { keyPath: 'modelPath' });
      req.result.createObjectStore(INFOS, { keyPath: 'modelPath' });
    };
    return request(req, 'TfjsIndexedDBHandler');
  }

  /** Whether a model is stored under `modelPath`. */
  async exists(): Promise<boolean> {
    const db = await this.open();
    try {
      return (await request(db.transaction(INFOS, 'readonly').objectStore(INFOS).count(this.modelPath), 'TfjsIndexedDBHandler')) > 0;
    } finally {
      db.close();
    }
  }

  async save(artifacts: TfjsArtifacts): Promise<void> {
    const weightData = joinWeightData(artifacts.weightData).slice().buffer;
    const stored = { ...artifacts, weightData };
    const modelArtifactsInfo = artifactsInfo(artifacts, weightData.byteLength);
    const db = await this.open();
    try {
      // One transaction over both stores: a closed tab keeps the previous model whole.
      const tx = db.transaction([MODELS, INFOS], 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = tx.onerror = () => reject(new RuntimeError(`TfjsIndexedDBHandler: saving '${this.modelPath}' failed (${tx.error?.message ?? 'aborted'})`));
      });
      tx.objectStore(INFOS).put({ modelPath: this.modelPath, modelArtifactsInfo });
      tx.objectStore(MODELS).put({ modelPath: this.modelPath, modelArtifacts: stored, modelArtifactsInfo });
      await done;
    } finally {
      db.close();
    }
  }

  async load(): Promise<TfjsArtifacts> {
    const db = await this.open();
    try {
      const record: unknown = await request(db.transaction(MODELS, 'readonly').objectStore(MODELS).get(this.modelPath), 'TfjsIndexedDBHandler');
      if (record === undefined) throw new RuntimeError(`loadModel: no TF.js model is stored in IndexedDB under '${this.modelPath}'`);
      if (!isRecord(record) || !isRecord(record['modelArtifacts'])) throw new CorruptFileError(`loadModel: the IndexedDB record '${this.modelPath}' is not a TF.js model`);
      return record['modelArtifacts'] as unknown as TfjsArtifacts;
    } finally {
      db.close();
    }
  }
}

/** Options of {@link TfjsLocalStorageHandler}. */
export interface TfjsLocalStorageHandlerArgs extends TfjsReadArgs {
  /** The storage (default the global `localStorage`). */
  storage?: Storage;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string, where: string): ArrayBuffer {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new CorruptFileError(`${where}: the weight data is not valid base64`);
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out.buffer;
}

const LOCAL_STORAGE_OPTIONS = defineOptions<TfjsLocalStorageHandlerArgs>('TfjsLocalStorageHandler', { storage: true, maxJsonBytes: true, maxWeightBytes: true, maxWeights: true });

/** A TF.js model in localStorage under `modelPath`, in TF.js's keys. */
export class TfjsLocalStorageHandler implements TfjsIOHandler {
  readonly format = 'tfjs' as const;
  private readonly storage: Storage;
  private readonly args: TfjsLocalStorageHandlerArgs;

  constructor(readonly modelPath: string, args: TfjsLocalStorageHandlerArgs = {}) {
    checkPath('TfjsLocalStorageHandler', modelPath);
    args = LOCAL_STORAGE_OPTIONS.check(args);
    const storage = args.storage ?? (globalThis as { localStorage?: Storage }).localStorage;
    if (storage === undefined) throw new RuntimeError('TfjsLocalStorageHandler: localStorage is not available here; pass `storage`');
    this.storage = storage;
    this.args = args;
  }

  private key(suffix: string): string {
    return `tensorflowjs_models/${this.modelPath}/${suffix}`;
  }

  /** Whether a model is stored under `modelPath`. */
  exists(): boolean {
    return this.storage.getItem(this.key('info')) !== null;
  }

  async save(artifacts: TfjsArtifacts): Promise<void> {
    const weights = joinWeightData(artifacts.weightData);
    const { modelTopology, weightSpecs, weightData: _data, ...metadata } = artifacts;
    const items: [string, string][] = [
      [this.key('info'), JSON.stringify(artifactsInfo(artifacts, weights.byteLength))],
      [this.key('model_topology'), JSON.stringify(modelTopology)],
      [this.key('weight_specs'), JSON.stringify(weightSpecs)],
      [this.key('weight_data'), toBase64(weights)],
      [this.key('model_metadata'), JSON.stringify(metadata)],
    ];
    const previous = items.map(([k]) => this.storage.getItem(k));
    try {
      for (const [k, v] of items) this.storage.setItem(k, v);
    } catch (e) {
      // Out of quota part way: put back what was there, so the previous model stays whole.
      items.forEach(([k], i) => (previous[i] === null ? this.storage.removeItem(k) : this.storage.setItem(k, previous[i] as string)));
      throw new RuntimeError(`saveModel: localStorage refused the model '${this.modelPath}' (${e instanceof Error ? e.message : String(e)}); it holds ${weights.byteLength} weight bytes`);
    }
  }

  async load(): Promise<TfjsArtifacts> {
    const where = `loadModel: localstorage://${this.modelPath}`;
    const limits = tfjsLimits(this.args);
    const read = (suffix: string, required: boolean): unknown => {
      const text = this.storage.getItem(this.key(suffix));
      if (text === null) {
        if (required) throw new CorruptFileError(`${where}: ${suffix} is missing`);
        return undefined;
      }
      if (text.length > limits.maxJsonBytes) throw new CorruptFileError(`${where}: ${suffix} is longer than maxJsonBytes=${limits.maxJsonBytes}`);
      try {
        return JSON.parse(text);
      } catch {
        throw new CorruptFileError(`${where}: ${suffix} is not valid JSON`);
      }
    };
    if (this.storage.getItem(this.key('info')) === null) throw new RuntimeError(`loadModel: no TF.js model is stored in localStorage under '${this.modelPath}'`);
    const data = this.storage.getItem(this.key('weight_data')) ?? '';
    if (data.length > Math.ceil(limits.maxWeightBytes / 3) * 4) throw new CorruptFileError(`${where}: the weight data is larger than maxWeightBytes=${limits.maxWeightBytes}`);
    const metadata = read('model_metadata', false);
    return {
      ...(isRecord(metadata) ? metadata : {}),
      modelTopology: read('model_topology', true) as Record<string, unknown>,
      weightSpecs: read('weight_specs', true) as TfjsArtifacts['weightSpecs'],
      weightData: fromBase64(data, where),
    };
  }
}

