/**
 * The public saving API: `saveModel`/`loadModel` for whole models (`.keras`, and legacy Keras `.h5` for
 * loading) and `saveWeights`/`loadWeights` for weights only (`.weights.h5`), to a path (Node, atomic) or
 * through any {@link IOHandler}.
 */
import { invalidArgument } from '@strata-ml/core';
import type { Model } from '../model';
import { toHandler, type IOHandler } from './io-handlers';
import { modelFromBytes, modelToBytes, type ModelFromBytesArgs, type ModelToBytesArgs } from './model-archive';
import { weightsFromBytes, weightsToBytes } from './weights-file';

/** Where a model or weights file goes or comes from: a file path (Node) or a handler. */
export type SaveTarget = string | IOHandler;
/** A source to load from: a path, a handler, or the bytes themselves. */
export type LoadSource = string | IOHandler | Uint8Array | ArrayBuffer;

function checkSuffix(where: string, target: SaveTarget, suffixes: readonly string[]): void {
  if (typeof target === 'string' && !suffixes.some((s) => target.endsWith(s))) {
    throw invalidArgument(where, 'filepath', `a path ending in ${suffixes.join(' or ')}`, target);
  }
}

async function bytesOf(source: LoadSource, where: string): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (typeof source === 'string' || (source != null && typeof source.load === 'function')) return toHandler(source).load();
  throw invalidArgument(where, 'source', 'a path, an IOHandler, a Uint8Array or an ArrayBuffer', source);
}

/**
 * Saves the whole model — architecture, weights, and the optimizer state — as a Keras 3 `.keras` archive
 * (loadable by Keras). A path is written atomically: a crash mid-save leaves the previous file intact.
 */
export async function saveModel(model: Model, target: SaveTarget, args: ModelToBytesArgs = {}): Promise<void> {
  checkSuffix('saveModel', target, ['.keras']);
  await toHandler(target).save(modelToBytes(model, args));
}

/**
 * Loads a model saved by `saveModel` or by Keras (`.keras`, or a legacy `.h5` model). With `compile`
 * (default true) it is compiled as saved and its optimizer resumes where it stopped. Never executes code
 * from the file; unknown classes or options raise `UnsupportedFeatureError`, broken files `CorruptFileError`.
 */
export async function loadModel(source: LoadSource, args: ModelFromBytesArgs = {}): Promise<Model> {
  return modelFromBytes(await bytesOf(source, 'loadModel'), args);
}

/** Saves only the layer weights (Keras 3 `.weights.h5` layout), atomically for paths. */
export async function saveWeights(model: Model, target: SaveTarget): Promise<void> {
  checkSuffix('saveWeights', target, ['.weights.h5']);
  await toHandler(target).save(weightsToBytes(model));
}

/**
 * Loads weights into `model`, matching layers by name, from a `.weights.h5` file (Keras 3 layout), a
 * legacy Keras `.h5`, or a `.keras` archive. Every shape is checked before any weight changes.
 */
export async function loadWeights(model: Model, source: LoadSource): Promise<void> {
  weightsFromBytes(model, await bytesOf(source, 'loadWeights'));
}
