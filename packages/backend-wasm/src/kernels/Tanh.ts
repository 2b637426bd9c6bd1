/**
 * Tanh on the wasm backend. The stock kernel calls the C library's `tanh` per element, ~18 ns each: in the
 * SimpleRNN of rnn-mnist (28 steps of a [128, 256] tanh) that was 16 ms of a ~95 ms training step, more than
 * any product but the recurrent one. Strata evaluates a rational approximation: an odd degree-13 polynomial
 * over an even degree-6 one, with |x| clamped to 7.905 (beyond which tanh is within 3e-7 of ±1), the
 * well-known minimax fit of fast float tanh implementations; the error against the exact tanh is below
 * 4e-7 everywhere. In the native module (`native/tanh_forward.c`, float32, four at a time); in JavaScript
 * (float64) where WebAssembly SIMD is missing.
 */
import { Tanh, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { invalidArgument } from '@strata-ml/core';
import { input } from '../kernel-args';
import { nativeKernels } from '../native-kernels';
import { asWasmBackend, f32, memoryOffset } from '../wasm-backend';

// The clamp and the coefficients of `native/tanh.h`: odd numerator x¹ … x¹³, even denominator x⁰ … x⁶.
const CLAMP = 7.90531110763549805;
const [A1, A3, A5, A7, A9, A11, A13] = [
  4.89352455891786e-3, 6.37261928875436e-4, 1.48572235717979e-5, 5.12229709037114e-8, -8.60467152213735e-11, 2.00018790482477e-13,
  -2.76076847742355e-16,
] as const;
const [B0, B2, B4, B6] = [4.89352518554385e-3, 2.26843463243900e-3, 1.18534705686654e-4, 1.19825839466702e-6] as const;

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
  const native = nativeKernels(wasm);
  if (native !== null) {
    native.exports.tanh_forward(memoryOffset(wasm, x), memoryOffset(wasm, out), n);
    return out;
  }
  const src = f32(wasm, x);
  const dst = f32(wasm, out);
  for (let i = 0; i < n; i++) dst[i] = fastTanh(src[i] as number);
  return out;
};

/** Registration of `tanh` for the wasm backend. */
export const tanhConfig: KernelConfig = { kernelName: Tanh, backendName: 'wasm', kernelFunc: tanh };
