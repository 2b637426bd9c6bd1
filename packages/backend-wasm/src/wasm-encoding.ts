/** Encoding helpers for the small WebAssembly modules written out byte by byte in this package. */

/** Unsigned LEB128, as WebAssembly encodes integers in its binary format. */
export function leb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128, for `i32.const` operands. */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A section: id, then its byte length, then its bytes. */
export function section(id: number, bytes: number[]): number[] {
  return [id, ...leb(bytes.length), ...bytes];
}

/** The bytes of an ASCII name, preceded by its length, as names appear in import and export sections. */
export function name(text: string): number[] {
  return [...leb(text.length), ...[...text].map((c) => c.charCodeAt(0))];
}
