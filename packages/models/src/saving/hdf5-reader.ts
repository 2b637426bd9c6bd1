// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- jsfive ships no types; this makes every program that compiles this file see ours
/// <reference path="./jsfive.d.ts" />
/**
 * Reads an HDF5 file into an {@link H5Group} tree with the pure-JavaScript `jsfive` parser, adding the
 * checks a loader of untrusted files needs: the HDF5 signature, a cap on objects and nesting, link cycles,
 * and a dataset size bound (a dataset cannot hold more bytes than the file) checked before anything is
 * allocated. Every failure surfaces as a `CorruptFileError` naming the object path.
 */
import * as jsfive from 'jsfive';
import { asCorrupt, CorruptFileError, UnsupportedFeatureError } from './errors';
import type { H5Attr, H5Data, H5Dataset, H5DType, H5Group } from './hdf5-tree';

/** Limits for {@link readHdf5}. */
export interface ReadHdf5Args {
  /** Most groups + datasets accepted. Default 100,000. */
  maxObjects?: number;
  /** Deepest nesting accepted. Default 32. */
  maxDepth?: number;
}

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

const DTYPES: Record<string, { dtype: H5DType; size: number }> = {
  f4: { dtype: 'float32', size: 4 },
  f8: { dtype: 'float64', size: 8 },
  i4: { dtype: 'int32', size: 4 },
  i8: { dtype: 'int64', size: 8 },
  u1: { dtype: 'uint8', size: 1 },
  b1: { dtype: 'uint8', size: 1 },
  // Narrow or unsigned integers widen into int32/int64 without loss.
  i1: { dtype: 'int32', size: 1 },
  i2: { dtype: 'int32', size: 2 },
  u2: { dtype: 'int32', size: 2 },
  u4: { dtype: 'int64', size: 4 },
};

function parseDType(raw: unknown, path: string): { dtype: H5DType; size: number } {
  const match = typeof raw === 'string' ? /^[<>=|]?([a-z]\d+)$/.exec(raw) : null;
  const known = match ? DTYPES[match[1] as string] : undefined;
  if (!known) throw new UnsupportedFeatureError(`readHdf5: dataset ${JSON.stringify(path)} has element type ${JSON.stringify(raw)}; numeric types are read`);
  return known;
}

function toData(dtype: H5DType, values: unknown, count: number, path: string): H5Data {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    throw new CorruptFileError(`readHdf5: dataset ${JSON.stringify(path)} did not decode to an array`);
  }
  const list = values as ArrayLike<number | bigint>;
  if (list.length !== count) {
    throw new CorruptFileError(`readHdf5: dataset ${JSON.stringify(path)} decoded ${list.length} values; its shape holds ${count}`);
  }
  const out = dtype === 'float32' ? new Float32Array(count) : dtype === 'int32' ? new Int32Array(count) : dtype === 'uint8' ? new Uint8Array(count) : new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const v = list[i];
    out[i] = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number.NaN;
  }
  return out;
}

function toAttr(value: unknown): H5Attr | undefined {
  // Fixed-length strings come back with their null padding.
  if (typeof value === 'string') return value.replace(/\0+$/, '');
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value).replace(/\0+$/, '');
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = Array.from(value as ArrayLike<unknown>);
    if (list.every((v) => typeof v === 'string')) return (list as string[]).map((v) => v.replace(/\0+$/, ''));
    if (list.every((v) => typeof v === 'number' || typeof v === 'bigint')) return list.map(Number);
  }
  return undefined;
}

function readAttrs(raw: () => Record<string, unknown>): Map<string, H5Attr> {
  const attrs = new Map<string, H5Attr>();
  for (const [name, value] of Object.entries(raw())) {
    const attr = toAttr(value);
    // Attributes of other types (references, compounds) carry nothing a model loader reads.
    if (attr !== undefined) attrs.set(name, attr);
  }
  return attrs;
}

/**
 * Parses `bytes` as HDF5. Throws `CorruptFileError` for a file that is not HDF5, is truncated or
 * inconsistent, nests too deeply, loops, or declares a dataset larger than the file.
 */
export function readHdf5(bytes: Uint8Array, args: ReadHdf5Args = {}): H5Group {
  const maxObjects = args.maxObjects ?? 100_000;
  const maxDepth = args.maxDepth ?? 32;
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new CorruptFileError(`readHdf5: not an HDF5 file (the first 8 bytes are not the HDF5 signature; ${bytes.length} bytes)`);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let objects = 0;

  const readDataset = (ds: jsfive.Dataset, path: string): H5Dataset => {
    const shape = ds.shape ?? [];
    if (!Array.isArray(shape) || shape.some((d) => !Number.isSafeInteger(d) || d < 0)) {
      throw new CorruptFileError(`readHdf5: dataset ${JSON.stringify(path)} has an invalid shape ${JSON.stringify(shape)}`);
    }
    const { dtype, size } = parseDType(ds.dtype, path);
    const count = shape.reduce((a, b) => a * b, 1);
    // Data is never compressed in model files, so a dataset cannot be larger than the file holding it.
    if (count * size > bytes.length) {
      throw new CorruptFileError(
        `readHdf5: dataset ${JSON.stringify(path)} declares shape ${JSON.stringify(shape)} (${count * size} bytes) in a ${bytes.length}-byte file`,
      );
    }
    const data = count === 0 ? toData(dtype, [], 0, path) : toData(dtype, ds.value, count, path);
    return { kind: 'dataset', dtype, shape, data, attrs: readAttrs(() => ds.attrs) };
  };

  const readGroup = (group: jsfive.Group, path: string, ancestors: readonly number[]): H5Group => {
    if (ancestors.length > maxDepth) throw new CorruptFileError(`readHdf5: ${JSON.stringify(path)} nests deeper than ${maxDepth} groups`);
    const offset = group._dataobjects.offset;
    if (ancestors.includes(offset)) throw new CorruptFileError(`readHdf5: group ${JSON.stringify(path)} links back to its own ancestor`);
    const out: H5Group = { kind: 'group', children: new Map(), attrs: readAttrs(() => group.attrs) };
    for (const name of group.keys) {
      if (++objects > maxObjects) throw new CorruptFileError(`readHdf5: the file holds more than ${maxObjects} objects`);
      const childPath = path === '/' ? `/${name}` : `${path}/${name}`;
      const child = group.get(name);
      out.children.set(name, child instanceof jsfive.Group ? readGroup(child, childPath, [...ancestors, offset]) : readDataset(child, childPath));
    }
    return out;
  };

  try {
    return readGroup(new jsfive.File(buffer, ''), '/', []);
  } catch (e) {
    throw asCorrupt('readHdf5', e);
  }
}
