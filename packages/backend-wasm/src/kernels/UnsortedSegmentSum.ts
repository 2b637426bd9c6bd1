/**
 * UnsortedSegmentSum on the wasm backend (missing from tfjs-backend-wasm 4.22; it is the gradient of
 * gather, so embeddings could not train there). One pass adds each row of x into its segment's row;
 * ids outside `[0, numSegments)` are dropped, as TensorFlow drops negative ids.
 */
import { UnsortedSegmentSum, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument, shapeMismatch } from '@strata-ml/core';
import { input, numberAttr } from '../kernel-args';
import { asWasmBackend, f32, i32 } from '../wasm-backend';

/** `out[s] = Σ_{i : ids[i] = s} x[i]`, with `out` of shape `[numSegments, ...x.shape[ids.rank:]]`. */
export const unsortedSegmentSum: KernelFunc = ({ inputs, backend, attrs }): TensorInfo => {
  const name = UnsortedSegmentSum;
  const wasm = asWasmBackend(backend, name);
  const x = input(name, inputs, 'x');
  const segmentIds = input(name, inputs, 'segmentIds');
  const numSegments = numberAttr(name, attrs, 'numSegments');
  if (!Number.isInteger(numSegments) || numSegments < 0) throw invalidArgument(name, 'numSegments', 'a non-negative integer', numSegments);
  if (x.dtype !== 'float32' && x.dtype !== 'int32') throw invalidArgument(name, 'x', 'a float32 or int32 tensor', `dtype ${x.dtype}`);
  if (segmentIds.dtype !== 'int32') throw invalidArgument(name, 'segmentIds', 'an int32 tensor', `dtype ${segmentIds.dtype}`);
  const idsRank = segmentIds.shape.length;
  if (!segmentIds.shape.every((d, i) => d === x.shape[i])) {
    throw shapeMismatch(name, 'x', `to start with the segmentIds shape [${segmentIds.shape.join(', ')}]`, x.shape);
  }
  const rowShape = x.shape.slice(idsRank);
  const row = util.sizeFromShape(rowShape);
  const out = wasm.makeOutput([numSegments, ...rowShape], x.dtype);
  const dst = x.dtype === 'float32' ? f32(wasm, out) : i32(wasm, out);
  const src = x.dtype === 'float32' ? f32(wasm, x) : i32(wasm, x);
  const ids = i32(wasm, segmentIds);
  dst.fill(0);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i] as number;
    if (s < 0 || s >= numSegments) continue;
    const from = i * row;
    const to = s * row;
    for (let j = 0; j < row; j++) dst[to + j] = (dst[to + j] as number) + (src[from + j] as number);
  }
  return out;
};

/** Registration of `unsortedSegmentSum` for the wasm backend. */
export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSum,
};
