/**
 * A defensive zip reader and a plain zip writer for `.keras` archives. The reader trusts nothing in the
 * file: every offset is bounds-checked, entry names that could escape a folder are rejected, declared
 * sizes are capped and checked against what deflate can physically produce (about 1032:1), and inflation
 * stops the moment it passes the declared size, so a zip bomb costs at most `maxEntryBytes`.
 */
import { Inflate, zipSync } from 'fflate';
import { crc32 } from './crc32';
import { CorruptFileError, UnsupportedFeatureError } from './errors';

/** Limits for {@link readZip}. */
export interface ReadZipArgs {
  /** Largest uncompressed entry accepted, in bytes. Default 1 GiB. */
  maxEntryBytes?: number;
  /** Most entries accepted in the central directory. Default 10,000. */
  maxEntries?: number;
  /** Only these entries are decompressed (all names are still validated). Default: all. */
  only?: readonly string[];
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
// Deflate cannot expand by more than ~1032:1; anything claiming more is lying.
const MAX_DEFLATE_RATIO = 1032;

function corrupt(message: string): CorruptFileError {
  return new CorruptFileError(`readZip: ${message}`);
}

class Cursor {
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(offset: number, size: number, what: string): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + size > this.bytes.length) {
      throw corrupt(`${what} at offset ${offset} lies outside the ${this.bytes.length}-byte file`);
    }
  }
  u16(offset: number, what: string): number {
    this.check(offset, 2, what);
    return this.view.getUint16(offset, true);
  }
  u32(offset: number, what: string): number {
    this.check(offset, 4, what);
    return this.view.getUint32(offset, true);
  }
  u64(offset: number, what: string): number {
    this.check(offset, 8, what);
    const value = this.view.getBigUint64(offset, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(`${what} ${value} is too large`);
    return Number(value);
  }
  slice(offset: number, size: number, what: string): Uint8Array {
    this.check(offset, size, what);
    return this.bytes.subarray(offset, offset + size);
  }
}

interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function findEndOfCentralDirectory(cur: Cursor, length: number): number {
  const lowest = Math.max(0, length - 22 - 0xffff);
  for (let at = length - 22; at >= lowest; at--) {
    if (cur.u32(at, 'end of central directory') === EOCD) return at;
  }
  throw corrupt(`not a zip archive (no end-of-central-directory record in ${length} bytes)`);
}

/** Checks that an entry name is a plain relative path that cannot escape the archive root. */
export function checkEntryName(name: string): void {
  const parts = name.split('/');
  if (
    name.length === 0 ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    parts.some((p) => p === '..' || p === '.')
  ) {
    throw corrupt(`entry name ${JSON.stringify(name)} is not a safe relative path (path traversal)`);
  }
}

function readZip64Extra(extra: Uint8Array, entry: CentralEntry, rawSize: number, rawCompressed: number, rawOffset: number): void {
  const cur = new Cursor(extra);
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = cur.u16(at, 'extra field id');
    const size = cur.u16(at + 2, 'extra field size');
    if (id === 0x0001) {
      let p = at + 4;
      const end = p + size;
      const next = (what: string): number => {
        if (p + 8 > end) throw corrupt(`zip64 extra field of ${JSON.stringify(entry.name)} is too short for ${what}`);
        const v = cur.u64(p, what);
        p += 8;
        return v;
      };
      if (rawSize === 0xffffffff) entry.size = next('uncompressed size');
      if (rawCompressed === 0xffffffff) entry.compressedSize = next('compressed size');
      if (rawOffset === 0xffffffff) entry.localOffset = next('local header offset');
      return;
    }
    at += 4 + size;
  }
  if (rawSize === 0xffffffff || rawCompressed === 0xffffffff || rawOffset === 0xffffffff) {
    throw corrupt(`entry ${JSON.stringify(entry.name)} declares zip64 sizes but has no zip64 extra field`);
  }
}

function readCentralDirectory(cur: Cursor, bytes: Uint8Array, maxEntries: number): CentralEntry[] {
  const eocd = findEndOfCentralDirectory(cur, bytes.length);
  let count = cur.u16(eocd + 10, 'entry count');
  let offset = cur.u32(eocd + 16, 'central directory offset');
  if (count === 0xffff || offset === 0xffffffff) {
    if (eocd < 20 || cur.u32(eocd - 20, 'zip64 locator') !== ZIP64_LOCATOR) {
      throw corrupt('zip64 archive without a zip64 end-of-central-directory locator');
    }
    const record = cur.u64(eocd - 12, 'zip64 end-of-central-directory offset');
    if (cur.u32(record, 'zip64 end of central directory') !== ZIP64_EOCD) throw corrupt('bad zip64 end-of-central-directory signature');
    count = cur.u64(record + 32, 'zip64 entry count');
    offset = cur.u64(record + 48, 'zip64 central directory offset');
  }
  if (count > maxEntries) throw corrupt(`archive declares ${count} entries; at most ${maxEntries} are accepted`);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: CentralEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (cur.u32(at, 'central directory entry') !== CENTRAL) throw corrupt(`central directory entry ${i} has a bad signature`);
    const flags = cur.u16(at + 8, 'flags');
    const method = cur.u16(at + 10, 'compression method');
    const nameLength = cur.u16(at + 28, 'name length');
    const extraLength = cur.u16(at + 30, 'extra length');
    const commentLength = cur.u16(at + 32, 'comment length');
    const rawCompressed = cur.u32(at + 20, 'compressed size');
    const rawSize = cur.u32(at + 24, 'uncompressed size');
    const rawOffset = cur.u32(at + 42, 'local header offset');
    const name = decoder.decode(cur.slice(at + 46, nameLength, 'entry name'));
    const entry: CentralEntry = {
      name,
      method,
      crc: cur.u32(at + 16, 'crc'),
      compressedSize: rawCompressed,
      size: rawSize,
      localOffset: rawOffset,
    };
    readZip64Extra(cur.slice(at + 46 + nameLength, extraLength, 'extra field'), entry, rawSize, rawCompressed, rawOffset);
    if (flags & 0x1) throw new UnsupportedFeatureError(`readZip: entry ${JSON.stringify(name)} is encrypted`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflateCapped(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > size) {
      throw corrupt(`entry ${JSON.stringify(name)} inflates past its declared ${size} bytes (zip bomb?)`);
    }
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  const step = 1 << 16;
  try {
    for (let at = 0; at < data.length; at += step) {
      inflater.push(data.subarray(at, Math.min(at + step, data.length)), at + step >= data.length);
    }
  } catch (e) {
    if (e instanceof CorruptFileError) throw e;
    throw corrupt(`entry ${JSON.stringify(name)} has a broken deflate stream (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!ended || written !== size) {
    throw corrupt(`entry ${JSON.stringify(name)} inflated to ${written} bytes; the directory declares ${size}`);
  }
  return out;
}

/**
 * Reads a zip archive held in memory and returns its entries by name. Throws `CorruptFileError` for
 * anything malformed or hostile (bad signatures, out-of-range offsets, unsafe names, duplicate names,
 * CRC mismatches, sizes over the limits) and `UnsupportedFeatureError` for encryption or unknown methods.
 */
export function readZip(bytes: Uint8Array, args: ReadZipArgs = {}): Map<string, Uint8Array> {
  const maxEntryBytes = args.maxEntryBytes ?? 2 ** 30;
  const cur = new Cursor(bytes);
  const entries = readCentralDirectory(cur, bytes, args.maxEntries ?? 10_000);
  const seen = new Set<string>();
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    checkEntryName(entry.name);
    if (seen.has(entry.name)) throw corrupt(`entry ${JSON.stringify(entry.name)} appears twice`);
    seen.add(entry.name);
    if (args.only && !args.only.includes(entry.name)) continue;
    if (entry.name.endsWith('/')) continue;
    if (entry.size > maxEntryBytes) {
      throw corrupt(`entry ${JSON.stringify(entry.name)} declares ${entry.size} bytes; the limit is ${maxEntryBytes}`);
    }
    if (cur.u32(entry.localOffset, 'local header') !== LOCAL) {
      throw corrupt(`entry ${JSON.stringify(entry.name)} has a bad local header signature`);
    }
    const dataStart = entry.localOffset + 30 + cur.u16(entry.localOffset + 26, 'name length') + cur.u16(entry.localOffset + 28, 'extra length');
    const data = cur.slice(dataStart, entry.compressedSize, `data of ${JSON.stringify(entry.name)}`);
    let content: Uint8Array;
    if (entry.method === 0) {
      if (entry.size !== entry.compressedSize) throw corrupt(`stored entry ${JSON.stringify(entry.name)} has different sizes`);
      content = data.slice();
    } else if (entry.method === 8) {
      if (entry.size > entry.compressedSize * MAX_DEFLATE_RATIO + 1024) {
        throw corrupt(`entry ${JSON.stringify(entry.name)} claims a ${entry.size}/${entry.compressedSize} compression ratio (zip bomb?)`);
      }
      content = inflateCapped(data, entry.size, entry.name);
    } else {
      throw new UnsupportedFeatureError(`readZip: entry ${JSON.stringify(entry.name)} uses compression method ${entry.method}; only stored (0) and deflate (8) are read`);
    }
    if (crc32(content) !== entry.crc) throw corrupt(`entry ${JSON.stringify(entry.name)} fails its CRC-32 check`);
    files.set(entry.name, content);
  }
  return files;
}

/** Writes a zip archive with the given entries, uncompressed (as Keras writes `.keras` files). */
export function writeZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  // A fixed timestamp keeps archives byte-identical across saves of the same model.
  const mtime = new Date(Date.UTC(2000, 0, 1));
  for (const [name, data] of entries) {
    checkEntryName(name);
    zippable[name] = [data, { level: 0, mtime }];
  }
  return zipSync(zippable);
}
