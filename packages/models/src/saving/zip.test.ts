import { zipSync } from 'fflate';
import { CorruptFileError, UnsupportedFeatureError } from './errors';
import { readZip, writeZip } from './zip';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('zip', () => {
  it('round-trips entries byte for byte', () => {
    const entries = new Map([
      ['config.json', enc('{"a": 1}')],
      ['model.weights.h5', Uint8Array.from({ length: 1000 }, (_, i) => i % 251)],
    ]);
    const back = readZip(writeZip(entries));
    expect([...back.keys()]).toEqual(['config.json', 'model.weights.h5']);
    expect(back.get('config.json')).toEqual(entries.get('config.json'));
    expect(back.get('model.weights.h5')).toEqual(entries.get('model.weights.h5'));
  });

  it('is deterministic', () => {
    const entries = new Map([['a.json', enc('x')]]);
    expect(writeZip(entries)).toEqual(writeZip(entries));
  });

  it('reads deflated entries and filters with `only`', () => {
    const text = 'abc'.repeat(5000);
    const bytes = zipSync({ 'config.json': [enc(text), { level: 9 }], 'assets/x.bin': [enc('zz'), { level: 0 }] });
    const back = readZip(bytes, { only: ['config.json'] });
    expect([...back.keys()]).toEqual(['config.json']);
    expect(new TextDecoder().decode(back.get('config.json'))).toBe(text);
  });

  it.each([['../evil.json'], ['/etc/passwd'], ['a/../../b'], ['C:/x'], ['a\\b']])('rejects the unsafe entry name %s', (name) => {
    const bytes = zipSync({ [name]: enc('x') });
    expect(() => readZip(bytes)).toThrow(new CorruptFileError(`readZip: entry name ${JSON.stringify(name)} is not a safe relative path (path traversal)`));
  });

  it('refuses to write an unsafe entry name', () => {
    expect(() => writeZip(new Map([['../x', enc('x')]]))).toThrow(CorruptFileError);
  });

  it('rejects a declared size over the limit before decompressing', () => {
    const bytes = zipSync({ 'model.weights.h5': [new Uint8Array(5000), { level: 0 }] });
    expect(() => readZip(bytes, { maxEntryBytes: 4096 })).toThrow(
      new CorruptFileError('readZip: entry "model.weights.h5" declares 5000 bytes; the limit is 4096'),
    );
  });

  it('rejects an impossible compression ratio (zip bomb) without inflating', () => {
    const bytes = zipSync({ 'config.json': [new Uint8Array(100_000), { level: 9 }] });
    const view = new DataView(bytes.buffer);
    // Central directory entry: the uncompressed size lives at +24; claim 1 GiB.
    const central = bytes.findIndex((_, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 2 ** 30, true);
    expect(() => readZip(bytes)).toThrow(/compression ratio \(zip bomb\?\)/);
  });

  it('stops inflating when the output passes the declared size', () => {
    const data = new Uint8Array(50_000);
    const bytes = zipSync({ 'config.json': [data, { level: 9 }] });
    const view = new DataView(bytes.buffer);
    const central = bytes.findIndex((_, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 1000, true);
    expect(() => readZip(bytes)).toThrow(new CorruptFileError('readZip: entry "config.json" inflates past its declared 1000 bytes (zip bomb?)'));
  });

  it('detects corruption through the CRC', () => {
    const bytes = writeZip(new Map([['config.json', enc('{"hello": "world"}')]]));
    const at = bytes.indexOf('h'.charCodeAt(0));
    bytes[at] = 'H'.charCodeAt(0);
    expect(() => readZip(bytes)).toThrow(new CorruptFileError('readZip: entry "config.json" fails its CRC-32 check'));
  });

  it('rejects duplicate entry names', () => {
    const one = writeZip(new Map([['a', enc('1')]]));
    const view = new DataView(one.buffer);
    const central = one.findIndex((_, i) => i + 4 <= one.length && view.getUint32(i, true) === 0x02014b50);
    const eocd = one.length - 22;
    const cd = one.subarray(central, eocd);
    // Two central-directory records pointing at the same local entry.
    const out = new Uint8Array(central + cd.length * 2 + 22);
    out.set(one.subarray(0, central));
    out.set(cd, central);
    out.set(cd, central + cd.length);
    out.set(one.subarray(eocd), central + cd.length * 2);
    const ov = new DataView(out.buffer);
    const e = central + cd.length * 2;
    ov.setUint16(e + 8, 2, true);
    ov.setUint16(e + 10, 2, true);
    ov.setUint32(e + 12, cd.length * 2, true);
    expect(() => readZip(out)).toThrow(new CorruptFileError('readZip: entry "a" appears twice'));
  });

  it('names what it rejects: not a zip, unknown method, encryption', () => {
    expect(() => readZip(enc('hello world, this is not a zip file'))).toThrow(/readZip: not a zip archive/);
    const bytes = writeZip(new Map([['a', enc('1')]]));
    const view = new DataView(bytes.buffer);
    const central = bytes.findIndex((_, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50);
    view.setUint16(central + 10, 12, true);
    expect(() => readZip(bytes)).toThrow(new UnsupportedFeatureError('readZip: entry "a" uses compression method 12; only stored (0) and deflate (8) are read'));
    view.setUint16(central + 10, 0, true);
    view.setUint16(central + 8, 1, true);
    expect(() => readZip(bytes)).toThrow(new UnsupportedFeatureError('readZip: entry "a" is encrypted'));
  });
});
