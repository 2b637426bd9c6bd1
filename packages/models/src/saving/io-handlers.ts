/**
 * Where saved models go and come from. A handler moves the bytes of a `.keras` archive (or a weights
 * file), or the artifacts of a TF.js-format model; the format code never touches storage. Node gets
 * crash-safe files; any platform gets the in-memory `ArrayBuffer` handler (for `fetch` uploads, downloads,
 * IndexedDB blobs, tests). URL schemes are routed to handlers here, and only here.
 */
import { readFileSync, statSync } from 'node:fs';
import { RuntimeError, ValueError } from '@strata-ml/core';
import { atomicWriteFile } from './atomic-write';
import { IndexedDBHandler } from './indexeddb-handler';
import type { TfjsArtifacts } from './tfjs/artifacts';
import { TfjsIndexedDBHandler, TfjsLocalStorageHandler } from './tfjs/tfjs-browser-stores';
import { TfjsFileHandler } from './tfjs/tfjs-file-handler';
import { TfjsHttpHandler } from './tfjs/tfjs-http-handler';
import type { TfjsIOHandler } from './tfjs/tfjs-io-handler';

/** Stores and returns the bytes of a saved model or weights file. */
export interface IOHandler {
  /** Stores `bytes`, replacing what was stored before. */
  save(bytes: Uint8Array): Promise<void>;
  /** Returns the stored bytes. */
  load(): Promise<Uint8Array>;
}

/** A Node file: saves atomically (temp file, fsync, rename), so a crash never leaves a torn file. */
export class FileHandler implements IOHandler {
  constructor(readonly path: string) {}
  async save(bytes: Uint8Array): Promise<void> {
    atomicWriteFile(this.path, bytes);
  }
  async load(): Promise<Uint8Array> {
    return new Uint8Array(readFileSync(this.path));
  }
}

/** Keeps the saved bytes in memory as an `ArrayBuffer` (`handler.buffer`), e.g. to upload or store elsewhere. */
export class ArrayBufferHandler implements IOHandler {
  /** The last saved bytes, or the initial ones. */
  buffer: ArrayBuffer | null;
  constructor(initial: ArrayBuffer | Uint8Array | null = null) {
    this.buffer = initial === null ? null : toArrayBuffer(initial);
  }
  async save(bytes: Uint8Array): Promise<void> {
    this.buffer = toArrayBuffer(bytes);
  }
  async load(): Promise<Uint8Array> {
    if (this.buffer === null) throw new RuntimeError('ArrayBufferHandler.load: nothing has been saved to this handler');
    return new Uint8Array(this.buffer.slice(0));
  }
}

function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes.slice(0);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A handler for a path (Node file) or the handler itself. */
export function toHandler(target: string | IOHandler): IOHandler {
  return typeof target === 'string' ? new FileHandler(target) : target;
}

/** How a model is stored: a Keras archive (`.keras`; legacy `.h5` for loading) or TF.js's layers format. */
export type ModelFormat = 'keras' | 'tfjs';

/** Something a model loads from: a Keras-format handler (bytes) or a TF.js one (artifacts). */
export interface ModelLoadHandler {
  load(): Promise<Uint8Array | TfjsArtifacts>;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

function schemeOf(url: string): string | null {
  const match = SCHEME.exec(url);
  // A Windows drive letter (C:\\) is a path, not a scheme.
  return match !== null && (match[1] as string).length > 1 ? (match[1] as string).toLowerCase() : null;
}

function pathOf(url: string): string {
  return url.replace(/^file:\/\//i, '');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The format a save target implies: TF.js for a `.json` path or a `localstorage://` key, else Keras. */
export function impliedFormat(target: string): ModelFormat {
  const scheme = schemeOf(target);
  if (scheme === 'localstorage') return 'tfjs';
  return target.endsWith('.json') ? 'tfjs' : 'keras';
}

/**
 * The handler a URL or path saves to: a Node path (`file://` optional), `indexeddb://<key>`,
 * `localstorage://<key>` (TF.js format) or `http(s)://` (TF.js format, uploaded as `tf.io.http` does).
 */
export function saveHandlerFor(target: string, format: ModelFormat): IOHandler | TfjsIOHandler {
  const scheme = schemeOf(target);
  const rest = scheme === null ? target : target.slice(scheme.length + 3);
  const unsupported = (): never => {
    throw new ValueError(`saveModel: ${scheme}:// cannot hold ${format === 'keras' ? '.keras archives' : 'TF.js-format models'} yet; received ${JSON.stringify(target)}`);
  };
  if (scheme === 'indexeddb') return format === 'tfjs' ? new TfjsIndexedDBHandler(rest) : new IndexedDBHandler({ key: rest });
  if (scheme === 'localstorage') return format === 'tfjs' ? new TfjsLocalStorageHandler(rest) : unsupported();
  if (scheme === 'http' || scheme === 'https') return format === 'tfjs' ? new TfjsHttpHandler(target) : unsupported();
  if (scheme !== null && scheme !== 'file') return unsupported();
  return format === 'tfjs' ? new TfjsFileHandler(pathOf(target)) : new FileHandler(pathOf(target));
}

/** Loads from Strata's IndexedDB store, or else from TF.js's, where TF.js's `model.save('indexeddb://…')` puts models. */
class IndexedDBLookup implements ModelLoadHandler {
  constructor(private readonly key: string) {}
  async load(): Promise<Uint8Array | TfjsArtifacts> {
    try {
      return await new IndexedDBHandler({ key: this.key }).load();
    } catch (e) {
      const tfjs = new TfjsIndexedDBHandler(this.key);
      if (e instanceof ValueError && (await tfjs.exists())) return tfjs.load();
      throw e;
    }
  }
}

/**
 * The handler a URL or path loads from. A `.json` path, a folder holding `model.json`, an `http(s)://` URL
 * ending in `.json` and `localstorage://` keys are TF.js models; `indexeddb://` finds either format.
 */
export function loadHandlerFor(source: string, limits: Record<string, unknown> = {}): ModelLoadHandler {
  const scheme = schemeOf(source);
  const rest = scheme === null ? source : source.slice(scheme.length + 3);
  if (scheme === 'indexeddb') return new IndexedDBLookup(rest);
  if (scheme === 'localstorage') return new TfjsLocalStorageHandler(rest, limits);
  if (scheme === 'http' || scheme === 'https') {
    if (new URL(source).pathname.endsWith('.json')) return new TfjsHttpHandler(source, limits);
    throw new ValueError(`loadModel: over HTTP Strata loads TF.js models (a URL of their model.json); received ${JSON.stringify(source)}`);
  }
  if (scheme !== null && scheme !== 'file') throw new ValueError(`loadModel: unknown URL scheme ${scheme}:// in ${JSON.stringify(source)}`);
  const path = pathOf(source);
  return path.endsWith('.json') || isDirectory(path) ? new TfjsFileHandler(path, limits) : new FileHandler(path);
}
