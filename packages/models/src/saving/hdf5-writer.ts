/**
 * Writes an {@link H5Group} tree as an HDF5 file that the HDF5 library (h5py, Keras) reads: superblock
 * version 2, version-2 object headers with lookup3 checksums, "new-style" groups whose links live in the
 * header (link info + group info + link messages), contiguous little-endian datasets, and version-3
 * attribute messages. This is the smallest subset of the format that stays fully standard.
 */
import type { H5Attr, H5Dataset, H5DType, H5Group } from './hdf5-tree';
import { lookup3 } from './lookup3';

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const UNDEFINED = -1; // written as all ones
const SUPERBLOCK_SIZE = 48;

/** A growable little-endian byte buffer. */
class Bytes {
  private buf = new Uint8Array(256);
  length = 0;
  private grow(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  u8(v: number): this {
    this.grow(1);
    this.buf[this.length++] = v & 0xff;
    return this;
  }
  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  u64(v: number): this {
    if (v === UNDEFINED) return this.u32(0xffffffff).u32(0xffffffff);
    return this.u32(v % 2 ** 32).u32(Math.floor(v / 2 ** 32));
  }
  bytes(b: Uint8Array): this {
    this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

const utf8 = new TextEncoder();

interface Datatype {
  bytes: Uint8Array;
  size: number;
}

function numericDatatype(dtype: H5DType): Datatype {
  const b = new Bytes();
  switch (dtype) {
    case 'float32':
      b.u8(0x11).u8(0x20).u8(31).u8(0).u32(4).u16(0).u16(32).u8(23).u8(8).u8(0).u8(23).u32(127);
      return { bytes: b.done(), size: 4 };
    case 'float64':
      b.u8(0x11).u8(0x20).u8(63).u8(0).u32(8).u16(0).u16(64).u8(52).u8(11).u8(0).u8(52).u32(1023);
      return { bytes: b.done(), size: 8 };
    case 'int32':
    case 'int64': {
      const size = dtype === 'int32' ? 4 : 8;
      b.u8(0x10).u8(0x08).u8(0).u8(0).u32(size).u16(0).u16(size * 8);
      return { bytes: b.done(), size };
    }
    case 'uint8':
      b.u8(0x10).u8(0).u8(0).u8(0).u32(1).u16(0).u16(8);
      return { bytes: b.done(), size: 1 };
  }
}

function stringDatatype(size: number): Datatype {
  // Class 3 (string), version 1; null-padded, UTF-8.
  const b = new Bytes().u8(0x13).u8(0x11).u8(0).u8(0).u32(size);
  return { bytes: b.done(), size };
}

function dataspace(shape: readonly number[] | null): Uint8Array {
  const b = new Bytes().u8(2);
  if (shape === null) return b.u8(0).u8(0).u8(0).done(); // scalar
  b.u8(shape.length).u8(0).u8(1);
  for (const d of shape) b.u64(d);
  return b.done();
}

function encodeData(dtype: H5DType, data: H5Dataset['data']): Uint8Array {
  const n = data.length;
  if (dtype === 'int64') {
    const out = new DataView(new ArrayBuffer(n * 8));
    for (let i = 0; i < n; i++) out.setBigInt64(i * 8, BigInt(Math.trunc(data[i] as number)), true);
    return new Uint8Array(out.buffer);
  }
  const typed =
    dtype === 'float32' ? Float32Array.from(data) : dtype === 'float64' ? Float64Array.from(data) : dtype === 'int32' ? Int32Array.from(data) : Uint8Array.from(data);
  // Typed arrays are in platform order; every platform Node and browsers run on is little-endian.
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

function attributeMessage(name: string, value: H5Attr): Uint8Array {
  let type: Datatype;
  let space: Uint8Array;
  let payload: Uint8Array;
  if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    const strings = (typeof value === 'string' ? [value] : value) as string[];
    const encoded = strings.map((s) => utf8.encode(s));
    const size = Math.max(1, ...encoded.map((e) => e.length));
    type = stringDatatype(size);
    space = dataspace(typeof value === 'string' ? null : [strings.length]);
    payload = new Uint8Array(size * encoded.length);
    encoded.forEach((e, i) => payload.set(e, i * size));
  } else {
    const numbers = typeof value === 'number' ? [value] : (value as number[]);
    type = numericDatatype('float64');
    space = dataspace(typeof value === 'number' ? null : [numbers.length]);
    payload = encodeData('float64', Float64Array.from(numbers));
  }
  const nameBytes = utf8.encode(name);
  return new Bytes()
    .u8(3)
    .u8(0)
    .u16(nameBytes.length + 1)
    .u16(type.bytes.length)
    .u16(space.length)
    .u8(1)
    .bytes(nameBytes)
    .u8(0)
    .bytes(type.bytes)
    .bytes(space)
    .bytes(payload)
    .done();
}

interface Message {
  type: number;
  body: Uint8Array;
}

function objectHeader(messages: readonly Message[]): Uint8Array {
  const body = new Bytes();
  for (const m of messages) {
    if (m.body.length > 0xffff) throw new RangeError(`HDF5 writer: a header message of ${m.body.length} bytes exceeds 65535`);
    body.u8(m.type).u16(m.body.length).u8(0).bytes(m.body);
  }
  const chunk = body.done();
  const head = new Bytes().bytes(utf8.encode('OHDR')).u8(2).u8(0x02).u32(chunk.length).bytes(chunk);
  const withoutSum = head.done();
  return new Bytes().bytes(withoutSum).u32(lookup3(withoutSum)).done();
}

function attributeMessages(attrs: Map<string, H5Attr>): Message[] {
  return [...attrs].map(([name, value]) => ({ type: 0x000c, body: attributeMessage(name, value) }));
}

function groupMessages(group: H5Group, address: (node: H5Group | H5Dataset) => number): Message[] {
  // Link info: version 0, no creation order, no dense storage (both addresses undefined).
  const linkInfo = new Bytes().u8(0).u8(0).u64(UNDEFINED).u64(UNDEFINED).done();
  const groupInfo = new Bytes().u8(0).u8(0).done();
  const messages: Message[] = [
    { type: 0x0002, body: linkInfo },
    { type: 0x000a, body: groupInfo },
  ];
  for (const [name, child] of group.children) {
    const nameBytes = utf8.encode(name);
    const wide = nameBytes.length > 0xff;
    // Flags: name-length field of 1 or 2 bytes, character set present (UTF-8); hard link by default.
    const link = new Bytes().u8(1).u8((wide ? 1 : 0) | 0x10).u8(1);
    if (wide) link.u16(nameBytes.length);
    else link.u8(nameBytes.length);
    link.bytes(nameBytes).u64(address(child));
    messages.push({ type: 0x0006, body: link.done() });
  }
  return [...messages, ...attributeMessages(group.attrs)];
}

function datasetMessages(ds: H5Dataset, dataAddress: number, dataSize: number): Message[] {
  const layout = new Bytes().u8(3).u8(1).u64(dataSize === 0 ? UNDEFINED : dataAddress).u64(dataSize).done();
  // Fill value v3: allocation time late, write time "if set", no value defined.
  const fill = new Bytes().u8(3).u8(0x02 | (0x02 << 2)).done();
  return [
    { type: 0x0001, body: dataspace(ds.shape.length === 0 ? null : ds.shape) },
    { type: 0x0003, body: numericDatatype(ds.dtype).bytes },
    { type: 0x0005, body: fill },
    { type: 0x0008, body: layout },
    ...attributeMessages(ds.attrs),
  ];
}

/** Serializes `root` as an HDF5 file. */
export function writeHdf5(root: H5Group): Uint8Array {
  const nodes: (H5Group | H5Dataset)[] = [];
  const visit = (node: H5Group | H5Dataset): void => {
    nodes.push(node);
    if (node.kind === 'group') for (const child of node.children.values()) visit(child);
  };
  visit(root);
  const raw = new Map<H5Dataset, Uint8Array>();
  for (const n of nodes) if (n.kind === 'dataset') raw.set(n, encodeData(n.dtype, n.data));
  // Header sizes do not depend on the addresses inside them, so one pass with placeholders lays out the file.
  const headerAt = new Map<H5Group | H5Dataset, number>();
  const dataAt = new Map<H5Dataset, number>();
  const build = (n: H5Group | H5Dataset): Uint8Array =>
    n.kind === 'group'
      ? objectHeader(groupMessages(n, (c) => headerAt.get(c) ?? 0))
      : objectHeader(datasetMessages(n, dataAt.get(n) ?? 0, (raw.get(n) as Uint8Array).length));
  let offset = SUPERBLOCK_SIZE;
  for (const n of nodes) {
    headerAt.set(n, offset);
    offset += build(n).length;
  }
  for (const [ds, bytes] of raw) {
    dataAt.set(ds, offset);
    offset += bytes.length;
  }
  const file = new Uint8Array(offset);
  const superblock = new Bytes().bytes(Uint8Array.from(SIGNATURE)).u8(2).u8(8).u8(8).u8(0).u64(0).u64(UNDEFINED).u64(offset).u64(SUPERBLOCK_SIZE);
  const sb = superblock.done();
  file.set(sb, 0);
  file.set(new Bytes().u32(lookup3(sb)).done(), sb.length);
  for (const n of nodes) file.set(build(n), headerAt.get(n) as number);
  for (const [ds, bytes] of raw) file.set(bytes, dataAt.get(ds) as number);
  return file;
}
