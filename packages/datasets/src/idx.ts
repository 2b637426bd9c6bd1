/**
 * A reader for the IDX format MNIST ships in (http://yann.lecun.com/exdb/mnist/): a 4-byte magic number
 * (two zero bytes, a type byte, the number of dimensions), one big-endian uint32 per dimension, then the
 * values in row-major order, big-endian.
 */
import { ValueError } from '@strata-ml/core';

/** The element types an IDX file can hold, named after the typed array they are read into. */
export type IdxDtype = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed array an IDX file is read into. */
export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** The decoded content of an IDX file. */
export interface IdxArray {
  /** Element type, from the magic number's type byte. */
  readonly dtype: IdxDtype;
  /** One entry per dimension, from the header. */
  readonly shape: number[];
  /** The values, row-major, in native byte order. */
  readonly data: IdxData;
}

/** What the caller expects of a file, checked before the data is decoded. */
export interface ReadIdxOptions {
  /**
   * The exact magic number the file must start with, e.g. `0x00000803` (unsigned bytes, 3 dimensions) for
   * MNIST images or `0x00000801` for labels. Any valid IDX file is accepted when omitted.
   */
  magic?: number;
}

interface IdxType {
  readonly dtype: IdxDtype;
  readonly bytes: number;
}

/** The IDX type byte (third byte of the magic number) → element type. */
const IDX_TYPES: ReadonlyMap<number, IdxType> = new Map([
  [0x08, { dtype: 'uint8', bytes: 1 }],
  [0x09, { dtype: 'int8', bytes: 1 }],
  [0x0b, { dtype: 'int16', bytes: 2 }],
  [0x0c, { dtype: 'int32', bytes: 4 }],
  [0x0d, { dtype: 'float32', bytes: 4 }],
  [0x0e, { dtype: 'float64', bytes: 8 }],
]);

function hex(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Decodes an IDX file. Checks the magic number (two zero bytes, a known type byte, at least one dimension)
 * and that the byte length is exactly header plus data; anything else is a `ValueError` that names the file
 * and what is wrong.
 *
 * ```ts
 * const labels = readIdx(fs.readFileSync('train-labels-idx1-ubyte'), 'train-labels-idx1-ubyte');
 * labels.shape; // [60000]
 * ```
 * @param buffer the file's bytes
 * @param fileName used in error messages only
 * @param options an expected magic number
 */
export function readIdx(buffer: Uint8Array, fileName: string, options: ReadIdxOptions = {}): IdxArray {
  const where = `readIdx('${fileName}')`;
  if (buffer.byteLength < 4) {
    throw new ValueError(`${where}: file is truncated: expected at least 4 bytes of header, received ${buffer.byteLength} bytes`);
  }
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const magic = view.getUint32(0, false);
  const typeByte = buffer[2] as number;
  const ndims = buffer[3] as number;
  const type = IDX_TYPES.get(typeByte);
  if (buffer[0] !== 0 || buffer[1] !== 0 || type === undefined || ndims === 0) {
    throw new ValueError(
      `${where}: bad magic number ${hex(magic)}; expected 0x0000TTDD with type byte TT one of ` +
        `${[...IDX_TYPES.keys()].map((t) => `0x${t.toString(16).padStart(2, '0')}`).join(', ')} and DD >= 1 dimensions`,
    );
  }
  if (options.magic !== undefined && magic !== options.magic) {
    throw new ValueError(`${where}: bad magic number ${hex(magic)}; expected ${hex(options.magic)}`);
  }
  const headerBytes = 4 + 4 * ndims;
  if (buffer.byteLength < headerBytes) {
    throw new ValueError(
      `${where}: file is truncated: expected a ${headerBytes}-byte header for ${ndims} dimensions, received ${buffer.byteLength} bytes`,
    );
  }
  const shape: number[] = [];
  for (let i = 0; i < ndims; i++) shape.push(view.getUint32(4 + 4 * i, false));
  const size = shape.reduce((a, b) => a * b, 1);
  const expectedBytes = headerBytes + size * type.bytes;
  if (buffer.byteLength !== expectedBytes) {
    const problem = buffer.byteLength < expectedBytes ? 'file is truncated' : 'file has trailing bytes';
    throw new ValueError(
      `${where}: ${problem}: header says shape [${shape.join(', ')}] of ${type.dtype}, ` +
        `expected ${expectedBytes} bytes, received ${buffer.byteLength} bytes`,
    );
  }
  return { dtype: type.dtype, shape, data: decode(view, headerBytes, size, type.dtype) };
}

/** Copies the big-endian payload into a native-endian typed array. */
function decode(view: DataView, offset: number, size: number, dtype: IdxDtype): IdxData {
  switch (dtype) {
    case 'uint8':
      return new Uint8Array(view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + size));
    case 'int8':
      return new Int8Array(view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + size));
    case 'int16': {
      const out = new Int16Array(size);
      for (let i = 0; i < size; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(size);
      for (let i = 0; i < size; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(size);
      for (let i = 0; i < size; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(size);
      for (let i = 0; i < size; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}
