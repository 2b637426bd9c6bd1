/**
 * Runs the conformance cases on a reference backend and a target backend with the same inputs and
 * compares every output element: |target − reference| ≤ atol + rtol·|reference|, with NaN matching NaN.
 */
import * as tfc from '@tensorflow/tfjs-core';
import '@strata-ml/core'; // registers tfjs-core's gradients
import { conformanceCases, type ConformanceCase } from './cases';
import { InputSource, toTensor } from './inputs';

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

type Output = { shape: number[]; dtype: string; values: ArrayLike<number> };

async function runOn(backend: string, c: ConformanceCase, seed: number): Promise<{ outputs: Output[]; shapes: number[][] }> {
  await tfc.setBackend(backend);
  const { inputs, fn } = c.build(new InputSource(seed));
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
      if (Number.isNaN(a) && Number.isNaN(b)) continue;
      const err = Math.abs(a - b);
      if (!(err <= atol + rtol * Math.abs(a))) {
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
