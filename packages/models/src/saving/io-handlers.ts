/**
 * Where saved models go and come from. A handler moves the bytes of a `.keras` archive (or a weights
 * file); the format code never touches storage. Node gets crash-safe files; any platform gets the
 * in-memory `ArrayBuffer` handler (for `fetch` uploads, downloads, IndexedDB blobs, tests).
 */
import { readFileSync } from 'node:fs';
import { RuntimeError } from '@strata-ml/core';
import { atomicWriteFile } from './atomic-write';

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
