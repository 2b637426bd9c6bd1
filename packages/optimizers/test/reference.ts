// float64 reference optimizers written from Keras's update formulas, to check the tensor code against.
import { tf } from '@strata-ml/core';
import type { Optimizer } from '../src/optimizer';
import { expectClose } from './helpers';

/** One element's update: returns the new weight and mutates `s` (its slots). */
export type ElementRule = (w: number, g: number, s: Record<string, number>, lr: number, t: number) => number;

export interface ReferenceOptions {
  /** Per-element rule. */
  rule: ElementRule;
  /** Initial slot values of an element. */
  slots: () => Record<string, number>;
  /** Learning rate at a 0-based step. */
  lr: (step: number) => number;
  clipnorm?: number;
  clipvalue?: number;
  globalClipnorm?: number;
  weightDecay?: number;
}

const norm = (xs: number[]): number => Math.sqrt(xs.reduce((a, x) => a + x * x, 0));

/** Runs the reference over `grads[step][variable][element]`, starting from `init[variable]`. */
export function referenceRun(init: number[][], grads: number[][][], o: ReferenceOptions): number[][] {
  const w = init.map((v) => v.slice());
  const state = init.map((v) => v.map(() => o.slots()));
  grads.forEach((stepGrads, step) => {
    const lr = o.lr(step);
    const t = step + 1;
    const globalNorm = norm(stepGrads.flat());
    stepGrads.forEach((g0, vi) => {
      let g = g0.slice();
      if (o.clipnorm !== undefined) {
        const n = norm(g);
        g = g.map((x) => (x * (o.clipnorm as number)) / Math.max(n, o.clipnorm as number));
      } else if (o.globalClipnorm !== undefined) {
        g = g.map((x) => (x * (o.globalClipnorm as number)) / Math.max(globalNorm, o.globalClipnorm as number));
      } else if (o.clipvalue !== undefined) {
        g = g.map((x) => Math.min(Math.max(x, -(o.clipvalue as number)), o.clipvalue as number));
      }
      const wv = w[vi] as number[];
      for (let i = 0; i < wv.length; i++) {
        let wi = wv[i] as number;
        if (o.weightDecay) wi -= wi * o.weightDecay * lr;
        wv[i] = o.rule(wi, g[i] as number, (state[vi] as Record<string, number>[])[i] as Record<string, number>, lr, t);
      }
    });
  });
  return w;
}

/** Deterministic, varied gradients: `steps` × (one array per variable of the given sizes). */
export function makeGradients(steps: number, sizes: number[]): number[][][] {
  return Array.from({ length: steps }, (_, s) => sizes.map((n, v) => Array.from({ length: n }, (_, i) => Math.sin(1.3 * s + 0.7 * i + 2.1 * v) * (1 + 0.5 * v))));
}

/** Initial weights of the test variables. */
export const INIT = [
  [0.5, -1.2, 2.0, 0.3],
  [1.5, -0.4, 0.8],
];
export const SHAPES = [[2, 2], [3]];

/** Applies `grads` with `optimizer` to fresh variables initialised to `INIT`; returns the final values. */
export function optimizerRun(optimizer: Optimizer, grads: number[][][]): number[][] {
  const vars = INIT.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i])));
  for (const stepGrads of grads) {
    const g = stepGrads.map((x, i) => tf.tensor(x, SHAPES[i]));
    optimizer.applyGradients(g.map((gi, i) => [gi, vars[i] as tf.Variable] as const));
    tf.dispose(g);
  }
  const out = vars.map((v) => Array.from(v.dataSync()));
  tf.dispose(vars);
  return out;
}

/** Asserts the optimizer and the reference agree after every variable's update, to `rtol` relative. */
export function expectMatchesReference(optimizer: Optimizer, o: ReferenceOptions, steps = 5, rtol = 1e-6): void {
  const grads = makeGradients(steps, INIT.map((v) => v.length));
  const got = optimizerRun(optimizer, grads);
  const want = referenceRun(INIT, grads, o);
  got.forEach((g, i) => expectClose(g, want[i] as number[], rtol, 1e-7));
  // Guard against a test that cannot fail: the weights did move.
  expect(Math.abs((got[0] as number[])[0] as number - (INIT[0] as number[])[0]!)).toBeGreaterThan(1e-4);
}
