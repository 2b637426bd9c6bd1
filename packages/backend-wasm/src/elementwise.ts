/**
 * Elementwise kernels written in JavaScript over the wasm heap, for the few ops where tfjs-backend-wasm's
 * own kernels give wrong answers (XNNPACK's clamps turn NaN into the lower bound; see the kernels using
 * this). JavaScript's comparisons leave NaN as NaN when written as `x < lo ? lo : x > hi ? hi : x`, so
 * special values propagate as IEEE 754 and TensorFlow have them.
 */
import { backend_util, util } from '@tensorflow/tfjs-core';
import type { DataType, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasm-backend';
import { f32, i32, memoryOffset } from './wasm-backend';

type Values = Float32Array | Int32Array | Uint8Array;

/** `t`'s data on the heap: float32 and int32 as themselves, bool as one byte each. */
function view(backend: WasmBackend, t: TensorInfo): Values {
  if (t.dtype === 'float32') return f32(backend, t);
  if (t.dtype === 'bool') return new Uint8Array(backend.wasm.HEAPF32.buffer, memoryOffset(backend, t), util.sizeFromShape(t.shape));
  return i32(backend, t);
}

/** A new tensor of `x`'s shape holding `f(x[i])`. */
export function mapUnary(backend: WasmBackend, x: TensorInfo, dtype: DataType, f: (v: number) => number): TensorInfo {
  const out = backend.makeOutput(x.shape, dtype);
  const src = view(backend, x);
  const dst = view(backend, out);
  for (let i = 0; i < src.length; i++) dst[i] = f(src[i] as number);
  return out;
}

/**
 * Per output axis, the step in `shape`'s data when that output index grows by one: 0 along an axis the
 * input is broadcast over (size 1, or missing at the front).
 */
function broadcastSteps(shape: readonly number[], outShape: readonly number[]): number[] {
  const steps = new Array<number>(outShape.length).fill(0);
  let stride = 1;
  for (let i = shape.length - 1, o = outShape.length - 1; i >= 0; i--, o--) {
    if ((shape[i] as number) !== 1) steps[o] = stride;
    stride *= shape[i] as number;
  }
  return steps;
}

/** A new tensor of the broadcast shape of `a` and `b` holding `f(a, b)`, element by element. */
export function mapBinary(backend: WasmBackend, a: TensorInfo, b: TensorInfo, dtype: DataType, f: (x: number, y: number) => number): TensorInfo {
  const outShape = backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
  const out = backend.makeOutput(outShape, dtype);
  const av = view(backend, a);
  const bv = view(backend, b);
  const dst = view(backend, out);
  const n = util.sizeFromShape(outShape);
  if (av.length === n && bv.length === n) {
    for (let i = 0; i < n; i++) dst[i] = f(av[i] as number, bv[i] as number);
  } else if (av.length === n && bv.length === 1) {
    const y = bv[0] as number;
    for (let i = 0; i < n; i++) dst[i] = f(av[i] as number, y);
  } else if (av.length === 1 && bv.length === n) {
    const x = av[0] as number;
    for (let i = 0; i < n; i++) dst[i] = f(x, bv[i] as number);
  } else {
    // An odometer over the output index, moving both input offsets by their broadcast steps.
    const rank = outShape.length;
    const aSteps = broadcastSteps(a.shape, outShape);
    const bSteps = broadcastSteps(b.shape, outShape);
    const index = new Array<number>(rank).fill(0);
    let ai = 0;
    let bi = 0;
    for (let i = 0; i < n; i++) {
      dst[i] = f(av[ai] as number, bv[bi] as number);
      for (let d = rank - 1; d >= 0; d--) {
        ai += aSteps[d] as number;
        bi += bSteps[d] as number;
        if (++(index[d] as number) < (outShape[d] as number)) break;
        ai -= (aSteps[d] as number) * (outShape[d] as number);
        bi -= (bSteps[d] as number) * (outShape[d] as number);
        index[d] = 0;
      }
    }
  }
  return out;
}
