/**
 * The public saving API: `saveModel`/`loadModel` for whole models (`.keras`, legacy Keras `.h5` for
 * loading, and TF.js's layers format: `model.json` plus weight shards) and `saveWeights`/`loadWeights` for
 * weights only (`.weights.h5`), to a path (Node, atomic), a URL (`indexeddb://`, `localstorage://`,
 * `http(s)://`) or through any handler.
 */
import { defineOptions, invalidArgument } from '@strata-ml/core';
import type { Model } from '../model';
import { impliedFormat, loadHandlerFor, saveHandlerFor, toHandler, type IOHandler, type ModelFormat, type ModelLoadHandler } from './io-handlers';
import { modelFromBytes, modelToBytes, type ModelFromBytesArgs, type ModelToBytesArgs } from './model-archive';
import type { TfjsArtifacts, TfjsReadArgs } from './tfjs/artifacts';
import type { TfjsIOHandler } from './tfjs/tfjs-io-handler';
import { modelFromTfjs, modelToTfjs } from './tfjs/tfjs-model';
import { weightsFromBytes, weightsToBytes } from './weights-file';

/** Where a model or weights file goes or comes from: a path or URL, or a handler (of bytes, or of TF.js artifacts). */
export type SaveTarget = string | IOHandler | TfjsIOHandler;
/** A source to load from: a path or URL, a handler, or the bytes of a `.keras`/`.h5` file. */
export type LoadSource = string | IOHandler | TfjsIOHandler | Uint8Array | ArrayBuffer;

/** Options of {@link saveModel}. */
export interface SaveModelArgs extends ModelToBytesArgs {
  /**
   * `'keras'` (a `.keras` archive) or `'tfjs'` (TF.js's layers format, which stock tfjs-layers loads). Default:
   * `'tfjs'` for a path ending in `.json`, a `localstorage://` key or a TF.js handler; `'keras'` otherwise.
   */
  format?: ModelFormat;
}

/** Options of {@link loadModel}: the `.keras` reader's and the TF.js reader's limits. */
export interface LoadModelArgs extends ModelFromBytesArgs, TfjsReadArgs {}

const SAVE_MODEL_OPTIONS = defineOptions<SaveModelArgs>('saveModel', { includeOptimizer: true, format: true });
const LOAD_MODEL_OPTIONS = defineOptions<LoadModelArgs>('loadModel', {
  compile: true, maxEntryBytes: true, maxEntries: true, only: true, maxJsonBytes: true, maxWeightBytes: true, maxWeights: true,
});

/** The options given among `keys`. */
function pick<T extends object>(args: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.filter((k) => args[k] !== undefined).map((k) => [k, args[k]])) as Partial<T>;
}

function isTfjsArtifacts(value: unknown): value is TfjsArtifacts {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && 'modelTopology' in value;
}

function checkSuffix(where: string, target: SaveTarget, suffixes: readonly string[]): void {
  if (typeof target === 'string' && !suffixes.some((s) => target.endsWith(s))) {
    throw invalidArgument(where, 'filepath', `a path ending in ${suffixes.join(' or ')}`, target);
  }
}

async function bytesOf(source: LoadSource, where: string): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (typeof source === 'string' || (source != null && typeof source.load === 'function')) return toHandler(source as string | IOHandler).load();
  throw invalidArgument(where, 'source', 'a path, an IOHandler, a Uint8Array or an ArrayBuffer', source);
}

/**
 * Saves the whole model — architecture, weights, and the optimizer state — as a Keras 3 `.keras` archive
 * (loadable by Keras). A path is written atomically: a crash mid-save leaves the previous file intact.
 */
export async function saveModel(model: Model, target: SaveTarget, args: SaveModelArgs = {}): Promise<void> {
  const { format: given, ...rest } = SAVE_MODEL_OPTIONS.check(args);
  const format = given ?? (typeof target === 'string' ? impliedFormat(target) : (target as TfjsIOHandler).format === 'tfjs' ? 'tfjs' : 'keras');
  if (format !== 'keras' && format !== 'tfjs') throw invalidArgument('saveModel', 'format', "'keras' or 'tfjs'", format);
  if (format === 'tfjs') {
    const handler = typeof target === 'string' ? (saveHandlerFor(target, 'tfjs') as TfjsIOHandler) : (target as TfjsIOHandler);
    await handler.save(modelToTfjs(model, rest));
    return;
  }
  if (typeof target === 'string' && !/^[a-z][a-z0-9+.-]+:\/\//i.test(target)) checkSuffix('saveModel', target, ['.keras']);
  const handler = typeof target === 'string' ? (saveHandlerFor(target, 'keras') as IOHandler) : (target as IOHandler);
  await handler.save(modelToBytes(model, rest));
}

/**
 * Loads a model saved by `saveModel`, by Keras (`.keras`, or a legacy `.h5` model) or by TF.js (a
 * `model.json` path or folder, an `http(s)://…/model.json` URL, `indexeddb://` or `localstorage://` keys
 * where `model.save` in TF.js put it, or any TF.js IO handler). With `compile` (default true) it is compiled
 * as saved and its optimizer resumes where it stopped. Never executes code from the file; unknown classes or
 * options raise `UnsupportedFeatureError`, broken or missing files and shards `CorruptFileError`.
 */
export async function loadModel(source: LoadSource, args: LoadModelArgs = {}): Promise<Model> {
  const checked = LOAD_MODEL_OPTIONS.check(args);
  const keras = pick(checked, ['compile', 'maxEntryBytes', 'maxEntries', 'only']);
  const limits = pick(checked, ['maxJsonBytes', 'maxWeightBytes', 'maxWeights']);
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return modelFromBytes(await bytesOf(source, 'loadModel'), keras);
  let handler: ModelLoadHandler;
  if (typeof source === 'string') handler = loadHandlerFor(source, limits);
  else if (source != null && typeof source.load === 'function') handler = source as ModelLoadHandler;
  else throw invalidArgument('loadModel', 'source', 'a path or URL, a handler, a Uint8Array or an ArrayBuffer', source);
  const loaded = await handler.load();
  if (isTfjsArtifacts(loaded)) return modelFromTfjs(loaded, { ...limits, ...pick(checked, ['compile']) });
  return modelFromBytes(await bytesOf(loaded, 'loadModel'), keras);
}

/** Saves only the layer weights (Keras 3 `.weights.h5` layout), atomically for paths. */
export async function saveWeights(model: Model, target: string | IOHandler): Promise<void> {
  checkSuffix('saveWeights', target, ['.weights.h5']);
  await toHandler(target).save(weightsToBytes(model));
}

/**
 * Loads weights into `model`, matching layers by name, from a `.weights.h5` file (Keras 3 layout), a
 * legacy Keras `.h5`, or a `.keras` archive. Every shape is checked before any weight changes.
 */
export async function loadWeights(model: Model, source: string | IOHandler | Uint8Array | ArrayBuffer): Promise<void> {
  weightsFromBytes(model, await bytesOf(source, 'loadWeights'));
}
