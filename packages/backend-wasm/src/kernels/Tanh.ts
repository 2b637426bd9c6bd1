/**
 * Tanh on the wasm backend. The stock kernel calls the C library's `tanh` per element, ~18 ns each: in the
 * SimpleRNN of rnn-mnist (28 steps of a [128, 256] tanh) that was 16 ms of a ~95 ms training step, more than
 * any product but the recurrent one. Strata evaluates a rational approximation: an odd degree-13 polynomial
 * over an even degree-6 one, with |x| clamped to 7.905 (beyond which tanh is within 3e-7 of ±1), the
 * well-known minimax fit of fast float tanh implementations; the error against the exact tanh is below
 * 4e-7 everywhere. Four at a time in WebAssembly SIMD (`simd-tanh.ts`, float32); in JavaScript (float64)
 * for the last `size mod 4` elements and where SIMD is missing.
 */
import { Tanh, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument } from '@strata-ml/core';
import { input } from '../kernel-args';
import { TANH_CLAMP, TANH_DENOMINATOR, TANH_NUMERATOR, tanhSimd } from '../simd-tanh';
import { asWasmBackend, backendMemory, f32, memoryOffset } from '../wasm-backend';

const CLAMP = TANH_CLAMP;
const [A1, A3, A5, A7, A9, A11, A13] = TANH_NUMERATOR;
const [B0, B2, B4, B6] = TANH_DENOMINATOR;

/** tanh(x) to within 4e-7 (NaN stays NaN). */
export function fastTanh(value: number): number {
  const x = value > CLAMP ? CLAMP : value < -CLAMP ? -CLAMP : value;
  const x2 = x * x;
  const p = x * (A1 + x2 * (A3 + x2 * (A5 + x2 * (A7 + x2 * (A9 + x2 * (A11 + x2 * A13))))));
  const q = B0 + x2 * (B2 + x2 * (B4 + x2 * B6));
  return p / q;
}

/** Elementwise tanh of a float32 tensor. */
export const tanh: KernelFunc = ({ inputs, backend }): TensorInfo => {
  const wasm = asWasmBackend(backend, Tanh);
  const x = input(Tanh, inputs, 'x');
  if (x.dtype !== 'float32') throw invalidArgument(Tanh, 'x', 'a float32 tensor', `dtype ${x.dtype}`);
  const out = wasm.makeOutput(x.shape, 'float32');
  const n = util.sizeFromShape(x.shape);
  const simd = tanhSimd(backendMemory(wasm));
  const n4 = simd === null ? 0 : n & ~3;
  if (simd !== null) simd(memoryOffset(wasm, x), memoryOffset(wasm, out), n4);
  const src = f32(wasm, x);
  const dst = f32(wasm, out);
  for (let i = n4; i < n; i++) dst[i] = fastTanh(src[i] as number);
  return out;
};

/** Registration of `tanh` for the wasm backend. */
export const tanhConfig: KernelConfig = { kernelName: Tanh, backendName: 'wasm', kernelFunc: tanh };
