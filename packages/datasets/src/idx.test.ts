import { ValueError } from '@strata-ml/core';
import { readIdx } from './idx';

/** Builds an IDX file: magic (type byte, rank), big-endian dims, then the payload written by `fill`. */
function idxFile(typeByte: number, shape: number[], bytesPerValue: number, fill: (view: DataView, offset: number) => void): Uint8Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const header = 4 + 4 * shape.length;
  const bytes = new Uint8Array(header + size * bytesPerValue);
  const view = new DataView(bytes.buffer);
  bytes[2] = typeByte;
  bytes[3] = shape.length;
  shape.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  fill(view, header);
  return bytes;
}

describe('readIdx', () => {
  it('reads unsigned bytes with their shape', () => {
    const file = idxFile(0x08, [2, 3], 1, (v, o) => [0, 1, 2, 253, 254, 255].forEach((x, i) => v.setUint8(o + i, x)));
    const idx = readIdx(file, 'u8');
    expect(idx.dtype).toBe('uint8');
    expect(idx.shape).toEqual([2, 3]);
    expect(idx.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(idx.data)).toEqual([0, 1, 2, 253, 254, 255]);
  });

  it('reads big-endian multi-byte types into native typed arrays', () => {
    const i8 = readIdx(idxFile(0x09, [2], 1, (v, o) => [-128, 127].forEach((x, i) => v.setInt8(o + i, x))), 'i8');
    expect(i8.dtype).toBe('int8');
    expect(Array.from(i8.data)).toEqual([-128, 127]);

    const i16 = readIdx(idxFile(0x0b, [3], 2, (v, o) => [-2, 300, -32768].forEach((x, i) => v.setInt16(o + 2 * i, x, false))), 'i16');
    expect(i16.dtype).toBe('int16');
    expect(Array.from(i16.data)).toEqual([-2, 300, -32768]);

    const i32 = readIdx(idxFile(0x0c, [1, 2], 4, (v, o) => [-70000, 2147483647].forEach((x, i) => v.setInt32(o + 4 * i, x, false))), 'i32');
    expect(i32.dtype).toBe('int32');
    expect(i32.shape).toEqual([1, 2]);
    expect(Array.from(i32.data)).toEqual([-70000, 2147483647]);

    const f32 = readIdx(idxFile(0x0d, [2], 4, (v, o) => [1.5, -0.25].forEach((x, i) => v.setFloat32(o + 4 * i, x, false))), 'f32');
    expect(f32.dtype).toBe('float32');
    expect(Array.from(f32.data)).toEqual([1.5, -0.25]);

    const f64 = readIdx(idxFile(0x0e, [2], 8, (v, o) => [Math.PI, -1e300].forEach((x, i) => v.setFloat64(o + 8 * i, x, false))), 'f64');
    expect(f64.dtype).toBe('float64');
    expect(Array.from(f64.data)).toEqual([Math.PI, -1e300]);
  });

  it('reads from a view that does not start at the beginning of its buffer', () => {
    const file = idxFile(0x0b, [2], 2, (v, o) => [513, -1].forEach((x, i) => v.setInt16(o + 2 * i, x, false)));
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    expect(Array.from(readIdx(padded.subarray(3), 'offset').data)).toEqual([513, -1]);
  });

  it('rejects a bad magic number, naming the file and the magic', () => {
    const file = idxFile(0x08, [2], 1, () => undefined);
    file[0] = 0x1f; // gzip's first byte: a compressed file passed by mistake
    expect(() => readIdx(file, 'labels.gz')).toThrow(ValueError);
    expect(() => readIdx(file, 'labels.gz')).toThrow(/^readIdx\('labels\.gz'\): bad magic number 0x1f000801; expected 0x0000TTDD/);

    const unknownType = idxFile(0x0a, [2], 1, () => undefined);
    expect(() => readIdx(unknownType, 'f')).toThrow("readIdx('f'): bad magic number 0x00000a01");

    const noDims = new Uint8Array([0, 0, 8, 0]);
    expect(() => readIdx(noDims, 'f')).toThrow("readIdx('f'): bad magic number 0x00000800");
  });

  it('rejects a file whose magic is valid but not the one expected', () => {
    const labels = idxFile(0x08, [2], 1, () => undefined);
    expect(() => readIdx(labels, 'x', { magic: 0x00000803 })).toThrow(
      "readIdx('x'): bad magic number 0x00000801; expected 0x00000803",
    );
  });

  it('rejects truncated files with expected and received byte lengths', () => {
    expect(() => readIdx(new Uint8Array([0, 0]), 'tiny')).toThrow(
      "readIdx('tiny'): file is truncated: expected at least 4 bytes of header, received 2 bytes",
    );
    const file = idxFile(0x08, [2, 3], 1, () => undefined);
    expect(() => readIdx(file.subarray(0, 10), 'hdr')).toThrow(
      "readIdx('hdr'): file is truncated: expected a 12-byte header for 2 dimensions, received 10 bytes",
    );
    expect(() => readIdx(file.subarray(0, 17), 'body')).toThrow(
      "readIdx('body'): file is truncated: header says shape [2, 3] of uint8, expected 18 bytes, received 17 bytes",
    );
  });

  it('rejects trailing bytes', () => {
    const file = idxFile(0x0c, [1], 4, () => undefined);
    const longer = new Uint8Array(file.length + 1);
    longer.set(file);
    expect(() => readIdx(longer, 'long')).toThrow(
      "readIdx('long'): file has trailing bytes: header says shape [1] of int32, expected 12 bytes, received 13 bytes",
    );
  });
});
