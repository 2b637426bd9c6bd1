/**
 * Errors raised while saving or loading models. Every loader failure is one of these (or a core
 * `ValueError`/`ShapeError` for a mismatch the caller caused), never a raw `TypeError`/`RangeError`.
 */
import { ValueError } from '@strata-ml/core';

/**
 * A file is not what it claims to be: wrong magic bytes, truncated, internally inconsistent, or built
 * to exhaust memory (absurd shapes, zip bombs, path traversal). The message names the part that failed.
 */
export class CorruptFileError extends ValueError {}

/**
 * The file is well formed but uses something Strata cannot represent: an unknown Keras layer, an
 * unsupported option, a `Lambda` layer, an unregistered custom object.
 */
export class UnsupportedFeatureError extends ValueError {}

/** Wraps any non-Strata exception thrown while parsing into a `CorruptFileError` that names `where`. */
export function asCorrupt(where: string, error: unknown): Error {
  if (error instanceof ValueError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new CorruptFileError(`${where}: malformed file (${detail})`);
}
