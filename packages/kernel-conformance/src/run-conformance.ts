/**
 * Runs the conformance cases on a reference backend and a target backend with the same inputs and
 * compares every output element: |target − reference| ≤ atol + rtol·|reference|, with NaN matching NaN.
 */
import * as tfc from '@tensorflow/tfjs-core';
import '@strata-ml/core'; // registers tfjs-core's gradients
import { conformanceCases, type ConformanceCase } from './cases';
import { InputSource, toTensor } from './inputs';
import type { HostInput } from './inputs';
import { specialValueCases, type SpecialValueCase } from './special-values';

/** The outcome of one case. */
export interface CaseResult {
  readonly name: string;
  readonly ok: boolean;
  /** Input shapes, for the report. */
  readonly shapes: number[][];
  readonly maxAbsError: number;
  /** Why it failed (mismatch, or the error the target raised). */
  readonly message: string;
  readonly ms: number;
}

/** Options of a conformance run. */
export interface ConformanceArgs {
  readonly reference: string;
  readonly target: string;
  /** Seed of inputs and random shapes. */
  readonly seed?: number;
  /** Only cases whose name contains this text. */
  readonly filter?: string;
  /** The cases to run (default: all). */
  readonly cases?: readonly ConformanceCase[];
}

/** One output of a case, read back from a backend (or computed, for the special-value cases). */
export type Output = { shape: number[]; dtype: string; values: ArrayLike<number> };

async function runOn(backend: string, c: ConformanceCase, seed: number): Promise<{ outputs: Output[]; shapes: number[][] }> {
  const { inputs, fn } = c.build(new InputSource(seed));
  return runInputs(backend, inputs, fn);
}

async function runInputs(backend: string, inputs: readonly HostInput[], fn: (...xs: tfc.Tensor[]) => tfc.Tensor | tfc.Tensor[]): Promise<{ outputs: Output[]; shapes: number[][] }> {
  await tfc.setBackend(backend);
  const tensors = inputs.map(toTensor);
  try {
    const result = tfc.tidy(() => fn(...tensors));
    const list = Array.isArray(result) ? result : [result];
    const outputs = await Promise.all(list.map(async (t) => ({ shape: t.shape, dtype: t.dtype, values: (await t.data()) as ArrayLike<number> })));
    tfc.dispose(list);
    return { outputs, shapes: inputs.map((i) => i.shape) };
  } finally {
    tfc.dispose(tensors);
  }
}

/** The largest error of `got` against `want`, or a message when they differ beyond tolerance. */
export function compareOutputs(want: Output[], got: Output[], rtol: number, atol: number): { maxAbsError: number; message: string } {
  if (want.length !== got.length) return { maxAbsError: Infinity, message: `expected ${want.length} outputs, received ${got.length}` };
  let maxAbsError = 0;
  for (let o = 0; o < want.length; o++) {
    const w = want[o] as Output;
    const g = got[o] as Output;
    if (w.shape.join() !== g.shape.join() || w.dtype !== g.dtype) {
      return { maxAbsError: Infinity, message: `output ${o}: expected ${w.dtype}[${w.shape}], received ${g.dtype}[${g.shape}]` };
    }
    for (let i = 0; i < w.values.length; i++) {
      const a = Number(w.values[i]);
      const b = Number(g.values[i]);
      // Equal values pass exactly (infinities included: their difference is NaN), and so does NaN for NaN.
      if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
      const err = Math.abs(a - b);
      // Past the equality above, an infinity on either side is a mismatch whatever the tolerance.
      if (!Number.isFinite(a) || !Number.isFinite(b) || !(err <= atol + rtol * Math.abs(a))) {
        return { maxAbsError: err, message: `output ${o} element ${i}: expected ${a}, received ${b} (|error| ${err.toExponential(2)})` };
      }
      if (a !== b) maxAbsError = Math.max(maxAbsError, err);
    }
  }
  return { maxAbsError, message: '' };
}

/** Runs every case (or the filtered ones); never throws for a failing case, it reports it. */
export async function runConformance(args: ConformanceArgs): Promise<CaseResult[]> {
  const cases = (args.cases ?? conformanceCases()).filter((c) => !args.filter || c.name.includes(args.filter));
  const results: CaseResult[] = [];
  let seed = args.seed ?? 1;
  for (const c of cases) {
    seed++;
    const start = performance.now();
    try {
      const want = await runOn(args.reference, c, seed);
      const got = await runOn(args.target, c, seed);
      const cmp = compareOutputs(want.outputs, got.outputs, c.rtol ?? 1e-4, c.atol ?? 1e-5);
      results.push({ name: c.name, ok: cmp.message === '', shapes: want.shapes, maxAbsError: cmp.maxAbsError, message: cmp.message, ms: performance.now() - start });
    } catch (err) {
      results.push({ name: c.name, ok: false, shapes: [], maxAbsError: Infinity, message: (err as Error).message, ms: performance.now() - start });
    }
  }
  return results;
}

/** Options of a special-value run. */
export interface SpecialValueArgs {
  readonly target: string;
  /** The cases to run (default: all); a case runs only where every kernel it names is registered. */
  readonly cases?: readonly SpecialValueCase[];
}

/** Whether `backend` registers every kernel `c` runs. */
export function appliesTo(c: SpecialValueCase, backend: string): boolean {
  return c.kernels.every((k) => tfc.getKernel(k, backend) !== undefined);
}

/**
 * The kernels `c` runs on `backend`, from a profile: what its `kernels` must list. Reshapes and the
 * `<op>__op` entries of ops with custom gradients are left out (they move or compute no values).
 */
export async function kernelsRun(c: SpecialValueCase, backend: string): Promise<string[]> {
  await tfc.setBackend(backend);
  const tensors = c.inputs.map(toTensor);
  try {
    const info = await tfc.profile(() => c.fn(...tensors));
    tfc.dispose(info.result);
    return [...new Set(info.kernelNames.filter((k) => k !== 'Reshape' && !k.endsWith('__op')))].sort();
  } finally {
    tfc.dispose(tensors);
  }
}

/**
 * Runs the special-value cases that apply to `target` and compares each output with the IEEE 754 value
 * computed in JavaScript; never throws for a failing case, it reports it.
 */
export async function runSpecialValues(args: SpecialValueArgs): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of (args.cases ?? specialValueCases()).filter((sc) => appliesTo(sc, args.target))) {
    const start = performance.now();
    const shapes = c.inputs.map((i) => i.shape);
    try {
      const got = await runInputs(args.target, c.inputs, c.fn);
      const cmp = compareOutputs(c.expected, got.outputs, c.rtol ?? 1e-5, 0);
      results.push({ name: c.name, ok: cmp.message === '', shapes, maxAbsError: cmp.maxAbsError, message: cmp.message, ms: performance.now() - start });
    } catch (err) {
      results.push({ name: c.name, ok: false, shapes, maxAbsError: Infinity, message: (err as Error).message, ms: performance.now() - start });
    }
  }
  return results;
}
