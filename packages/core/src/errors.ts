/**
 * Strata's error family. Every message names where it was raised, the argument, what was expected and
 * what was received, in the form `Dense: units must be a positive integer; received units=-3`.
 */

/** Base class of every error Strata raises on purpose. */
export class StrataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An argument has the wrong value (Python's `ValueError`, as Keras raises it). */
export class ValueError extends StrataError {}

/** A tensor or array has the wrong shape or rank. */
export class ShapeError extends ValueError {}

/** A string identifier (loss, optimizer, activation, …) is not known; the message lists the valid ones. */
export class UnknownIdentifierError extends ValueError {}

/** An options object has a key its receiver does not take; `key` is that key (the message says what to use). */
export class UnknownOptionError extends ValueError {
  constructor(
    message: string,
    /** The key that was refused. */
    readonly key: string,
  ) {
    super(message);
  }
}

/** A backend is missing, failed to start, or lacks a kernel. */
export class BackendError extends StrataError {}

/** An operation was called in the wrong order (for example `fit` before `compile`). */
export class RuntimeError extends StrataError {}

/** Formats a shape as Keras prints it: `[128, 28, 28]`, with `None` for unknown dimensions. */
export function formatShape(shape: readonly (number | null | undefined)[]): string {
  return `[${shape.map((d) => (d == null ? 'None' : String(d))).join(', ')}]`;
}

/** Renders a received value for an error message, briefly and without throwing. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    const head = value.slice(0, 8).map(formatValue).join(', ');
    return `[${head}${value.length > 8 ? `, … (${value.length} items)` : ''}]`;
  }
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length})`;
  if (typeof value === 'object' && 'shape' in value && 'dtype' in value) {
    const t = value as { shape: number[]; dtype: string };
    return `Tensor(shape=${formatShape(t.shape)}, dtype=${t.dtype})`;
  }
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * The standard "invalid argument" error:
 * `invalidArgument('Dense', 'units', 'a positive integer', -3)` →
 * `Dense: units must be a positive integer; received units=-3`.
 */
export function invalidArgument(where: string, argument: string, expected: string, received: unknown): ValueError {
  return new ValueError(`${where}: ${argument} must be ${expected}; received ${argument}=${formatValue(received)}`);
}

/**
 * The standard shape error: `shapeMismatch("Dense 'dense_2'", 'input', 'last dim 784', [128, 28, 28])` →
 * `Dense 'dense_2': expected input last dim 784, received shape [128, 28, 28]`.
 */
export function shapeMismatch(where: string, argument: string, expected: string, received: readonly (number | null)[]): ShapeError {
  return new ShapeError(`${where}: expected ${argument} ${expected}, received shape ${formatShape(received)}`);
}

/** The standard unknown-identifier error, listing every valid name. */
export function unknownIdentifier(where: string, kind: string, received: string, valid: readonly string[]): UnknownIdentifierError {
  return new UnknownIdentifierError(
    `${where}: unknown ${kind} ${JSON.stringify(received)}; valid ${kind}s are: ${[...valid].sort().join(', ')}`,
  );
}
