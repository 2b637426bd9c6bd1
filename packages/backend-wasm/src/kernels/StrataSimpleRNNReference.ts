/**
 * The sequence kernels of a tanh SimpleRNN (`StrataSimpleRNN`, `StrataSimpleRNNGrad`) in plain JavaScript,
 * for platforms without WebAssembly SIMD, where `native/simple_rnn.c` cannot load; and the shape checks
 * both kernels share. Same formulas as the C (see its file comment), with `fastTanh`, in float64 per
 * element and float32 storage.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { formatShape, invalidArgument, ShapeError } from '@strata-ml/core';
import { fastTanh } from './Tanh';

/** The sizes of one sequence: time steps, batch and units. */
export interface SimpleRNNSizes {
  readonly steps: number;
  readonly batch: number;
  readonly units: number;
}

/**
 * Checks that `sequence` is a float32 `[time, batch, units]` tensor and the others are float32 of the shapes
 * that go with it (`[units, units]` for `recurrentKernel`, `[batch, units]` for `initialState`); returns the sizes.
 */
export function simpleRNNSizes(
  kernelName: string,
  sequenceName: string,
  sequence: TensorInfo,
  recurrentKernel: TensorInfo,
  initialState: TensorInfo,
  others: Readonly<Record<string, TensorInfo>> = {},
): SimpleRNNSizes {
  if (sequence.shape.length !== 3) throw invalidArgument(kernelName, sequenceName, 'a tensor of shape [time, batch, units]', `shape ${formatShape(sequence.shape)}`);
  const [steps, batch, units] = sequence.shape as [number, number, number];
  const expected: Record<string, number[]> = { recurrentKernel: [units, units], initialState: [batch, units] };
  const all: Record<string, TensorInfo> = { [sequenceName]: sequence, recurrentKernel, initialState, ...others };
  for (const [name, t] of Object.entries(all)) {
    if (t.dtype !== 'float32') throw invalidArgument(kernelName, name, 'a float32 tensor', `dtype ${t.dtype}`);
    const want = expected[name] ?? sequence.shape;
    if (t.shape.length !== want.length || t.shape.some((d, i) => d !== want[i])) {
      throw new ShapeError(`${kernelName}: ${name} must have shape ${formatShape(want)} to go with ${sequenceName} ${formatShape(sequence.shape)}; received ${formatShape(t.shape)}`);
    }
  }
  return { steps, batch, units };
}

/** `out[i][j] (+)= Σ_k a[i][k]·b[k][j]` with a's and b's entries at `a[i·ars + k·acs]`, `b[k·brs + j·bcs]`. */
function product(
  m: number, n: number, k: number, a: Float32Array, aAt: number, ars: number, acs: number, b: Float32Array, brs: number, bcs: number,
  out: Float32Array, outAt: number, accumulate: boolean,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = accumulate ? (out[outAt + i * n + j] as number) : 0;
      for (let p = 0; p < k; p++) sum += (a[aAt + i * ars + p * acs] as number) * (b[p * brs + j * bcs] as number);
      out[outAt + i * n + j] = sum;
    }
  }
}

/** All states of the sequence into `states` (`steps·batch·units` floats). */
export function simpleRNNForward(
  { steps, batch, units }: SimpleRNNSizes, inputs: Float32Array, kernel: Float32Array, h0: Float32Array, states: Float32Array,
): void {
  const n = batch * units;
  for (let t = 0; t < steps; t++) {
    const prev = t === 0 ? h0 : states;
    states.set(inputs.subarray(t * n, (t + 1) * n), t * n);
    product(batch, units, units, prev, t === 0 ? 0 : (t - 1) * n, units, 1, kernel, units, 1, states, t * n, true);
    for (let i = t * n; i < (t + 1) * n; i++) states[i] = fastTanh(states[i] as number);
  }
}

/** The gradients of `simpleRNNForward` into `dInputs`, `dKernel` and `dh0` (all fully written). */
export function simpleRNNBackward(
  { steps, batch, units }: SimpleRNNSizes, dStates: Float32Array, states: Float32Array, kernel: Float32Array, h0: Float32Array,
  dInputs: Float32Array, dKernel: Float32Array, dh0: Float32Array,
): void {
  const n = batch * units;
  dKernel.fill(0);
  dh0.fill(0);
  for (let t = steps - 1; t >= 0; t--) {
    for (let i = 0; i < n; i++) {
      const h = states[t * n + i] as number;
      dInputs[t * n + i] = ((dStates[t * n + i] as number) + (dh0[i] as number)) * (1 - h * h);
    }
    // dU += h_{t-1}ᵀ · dz_t; dh_{t-1} = dz_t · Uᵀ.
    const prev = t === 0 ? h0 : states;
    product(units, units, batch, prev, t === 0 ? 0 : (t - 1) * n, 1, units, dInputs.subarray(t * n), units, 1, dKernel, 0, true);
    product(batch, units, units, dInputs, t * n, units, 1, kernel, 1, units, dh0, 0, false);
  }
}
