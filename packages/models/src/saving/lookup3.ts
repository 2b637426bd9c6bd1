/** Bob Jenkins' lookup3 `hashlittle`, the checksum HDF5 puts on superblocks and object headers (v2). */

function rot(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The lookup3 hash of `bytes` with initial value `init`, as an unsigned 32-bit integer. */
export function lookup3(bytes: Uint8Array, init = 0): number {
  let length = bytes.length;
  let a = (0xdeadbeef + length + init) | 0;
  let b = a;
  let c = a;
  let o = 0;
  const word = (i: number): number =>
    ((bytes[i] as number) | ((bytes[i + 1] as number) << 8) | ((bytes[i + 2] as number) << 16) | ((bytes[i + 3] as number) << 24)) | 0;
  while (length > 12) {
    a = (a + word(o)) | 0;
    b = (b + word(o + 4)) | 0;
    c = (c + word(o + 8)) | 0;
    a = (a - c) | 0; a ^= rot(c, 4); c = (c + b) | 0;
    b = (b - a) | 0; b ^= rot(a, 6); a = (a + c) | 0;
    c = (c - b) | 0; c ^= rot(b, 8); b = (b + a) | 0;
    a = (a - c) | 0; a ^= rot(c, 16); c = (c + b) | 0;
    b = (b - a) | 0; b ^= rot(a, 19); a = (a + c) | 0;
    c = (c - b) | 0; c ^= rot(b, 4); b = (b + a) | 0;
    length -= 12;
    o += 12;
  }
  if (length === 0) return c >>> 0;
  // The tail: bytes fill a, then b, then c, little-endian, the rest left as zero.
  const tail = [0, 0, 0];
  for (let i = 0; i < length; i++) tail[i >> 2] = (tail[i >> 2] as number) + ((bytes[o + i] as number) << ((i & 3) * 8));
  a = (a + (tail[0] as number)) | 0;
  b = (b + (tail[1] as number)) | 0;
  c = (c + (tail[2] as number)) | 0;
  c ^= b; c = (c - rot(b, 14)) | 0;
  a ^= c; a = (a - rot(c, 11)) | 0;
  b ^= a; b = (b - rot(a, 25)) | 0;
  c ^= b; c = (c - rot(b, 16)) | 0;
  a ^= c; a = (a - rot(c, 4)) | 0;
  b ^= a; b = (b - rot(a, 14)) | 0;
  c ^= b; c = (c - rot(b, 24)) | 0;
  return c >>> 0;
}
