/**
 * Test support: run the same computation on the wasm backend (with Strata's kernels) and on the
 * JavaScript reference backend, and compare. Not part of the published package.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@strata-ml/core'; // registers tfjs-core's gradients
import '@tensorflow/tfjs-backend-cpu';
import '../index';

/** Values and shape of a tensor read back to JavaScript. */
export interface Result {
  readonly shape: number[];
  readonly values: Float32Array;
}

/** Runs `fn` on `backend` and reads its result(s) back, disposing everything it made. */
export async function runOn(backend: 'wasm' | 'cpu', fn: () => tf.Tensor | tf.Tensor[]): Promise<Result[]> {
  await tf.setBackend(backend);
  const out = tf.tidy(fn);
  const list = Array.isArray(out) ? out : [out];
  const results = list.map((t) => ({ shape: t.shape.slice(), values: Float32Array.from(t.dataSync()) }));
  tf.dispose(list);
  return results;
}

/** Deterministic values in [-1, 1) (a 32-bit LCG), so failures reproduce. */
export function randomValues(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** A tensor of deterministic random values (created on the current backend). */
export function randomTensor(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(randomValues(shape.reduce((p, d) => p * d, 1), seed), shape);
}

/**
 * Largest error of `actual` against `expected`, each element divided by `scale` (same length), or by
 * `1 + |expected|` when no scale is given.
 */
export function maxScaledError(actual: Result, expected: Result, scale?: Result): number {
  expect(actual.shape).toEqual(expected.shape);
  let worst = 0;
  for (let i = 0; i < expected.values.length; i++) {
    const e = expected.values[i] as number;
    const s = scale === undefined ? 1 + Math.abs(e) : Math.max(scale.values[i] as number, Number.MIN_VALUE);
    worst = Math.max(worst, Math.abs((actual.values[i] as number) - e) / s);
  }
  return worst;
}

/** Number of buffers the wasm backend holds: must not grow across a kernel call (no leaked temporaries). */
export function wasmDataIds(): number {
  return tf.engine().findBackend('wasm').numDataIds();
}
