/**
 * StrataDropoutMask: the mask of inverted dropout in one pass over the output, instead of tfjs-core's
 * JavaScript `randomUniform` followed by the comparison, cast and scaling kernels. `Dropout` in
 * `@strata-ml/layers` runs it whenever it is registered for the current backend.
 *
 * No inputs; attributes `shape` (the mask's shape), `rate` (in [0, 1)) and `seed` (a non-negative integer,
 * from core's `nextSeed()`). Output: a new float32 tensor of `shape` whose entries are 0 with probability
 * `rate` and `1 / (1 - rate)` otherwise. Entry `i` depends only on `seed` and `i` (a counter-based hash),
 * so the same seed always gives the same mask.
 */
import { util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument, StrataDropoutMask } from '@strata-ml/core';
import { numberAttr, numbersAttr } from '../kernel-args';
import { nativeKernels } from '../native-kernels';
import { asWasmBackend, f32, memoryOffset } from '../wasm-backend';

/**
 * The 32-bit key of a seed's hash sequence. Both 32-bit halves of the seed select it; the low half alone
 * would repeat masks for seeds that differ only above bit 31.
 */
function dropoutKey(seed: number): number {
  const key = (seed >>> 0) ^ Math.imul(Math.floor(seed / 4294967296) >>> 0, 0x27d4eb2f);
  return Math.imul(key ^ (key >>> 16), 0x7feb352d);
}

/**
 * Fills `out` with an inverted-dropout mask. Each 32-bit hash of `(seed, pair index)` decides two entries,
 * one per 16-bit half: an entry is kept when its half falls below `round((1 - rate)·2¹⁶)`, so the keep
 * probability is `1 - rate` to within 2⁻¹⁷, far below the sampling noise of any mask. The hash is
 * MurmurHash3's finaliser over a Weyl sequence keyed by the seed: each output bit depends on every input
 * bit, so entries are independent to the precision dropout needs, at a few integer multiplies per pair.
 * This JavaScript loop is the reference and the fallback without WebAssembly SIMD; the kernel runs
 * `native/dropout_mask.c`, which gives the same bits.
 */
export function fillDropoutMask(out: Float32Array, rate: number, seed: number): void {
  const keep = 1 - rate;
  const threshold = Math.round(keep * 65536);
  const scale = 1 / keep;
  let counter = dropoutKey(seed) | 0;
  const n = out.length;
  for (let i = 0; i < n; i += 2) {
    // Adding 0x61c88647 is subtracting the golden-ratio constant 0x9e3779b9 mod 2³², kept in int32 range.
    counter = (counter + 0x61c88647) | 0;
    let h = counter ^ (counter >>> 16);
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = (h & 0xffff) < threshold ? scale : 0;
    if (i + 1 < n) out[i + 1] = h >>> 16 < threshold ? scale : 0;
  }
}

/** The dropout mask; see the file comment. */
export const strataDropoutMask: KernelFunc = ({ backend, attrs }): TensorInfo => {
  const name = StrataDropoutMask;
  const wasm = asWasmBackend(backend, name);
  const shapeAttr = numbersAttr(name, attrs, 'shape');
  const shape = typeof shapeAttr === 'number' ? [shapeAttr] : shapeAttr;
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) throw invalidArgument(name, 'shape', 'non-negative integers', shape);
  const rate = numberAttr(name, attrs, 'rate');
  if (!(rate >= 0 && rate < 1)) throw invalidArgument(name, 'rate', 'a number in [0, 1)', rate);
  const seed = numberAttr(name, attrs, 'seed');
  if (!Number.isInteger(seed) || seed < 0) throw invalidArgument(name, 'seed', 'a non-negative integer', seed);
  const out = wasm.makeOutput(shape, 'float32');
  const native = nativeKernels(wasm);
  if (native === null) {
    fillDropoutMask(f32(wasm, out), rate, seed);
  } else {
    const keep = 1 - rate;
    // The wasm call rounds the scale to float32, as the store into a Float32Array does in the fallback.
    native.exports.dropout_mask(memoryOffset(wasm, out), util.sizeFromShape(shape), dropoutKey(seed), Math.round(keep * 65536), 1 / keep);
  }
  return out;
};

/** Registration of `strataDropoutMask` for the wasm backend. */
export const strataDropoutMaskConfig: KernelConfig = {
  kernelName: StrataDropoutMask,
  backendName: 'wasm',
  kernelFunc: strataDropoutMask,
};
