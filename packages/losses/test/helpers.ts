// Test helpers: float64 references, finite-difference gradient checks and leak checks.
import { tf, setBackend } from '@strata-ml/core';
import type { Tensor } from '@strata-ml/core';

/** Runs every test file on the plain JavaScript backend. */
export function useCpuBackend(): void {
  beforeAll(async () => {
    await setBackend('cpu');
  });
}

/** Asserts `actual` matches `expected` elementwise within `atol + rtol·|expected|`. */
export function expectClose(actual: Tensor | ArrayLike<number> | number, expected: ArrayLike<number> | number, rtol = 1e-5, atol = 1e-6): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual instanceof tf.Tensor ? actual.dataSync() : actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => {
    const want = e[i] as number;
    if (Math.abs(v - want) > atol + rtol * Math.abs(want)) {
      throw new Error(`element ${i}: got ${v}, expected ${want} (rtol ${rtol}, atol ${atol}); all: [${a.join(', ')}]`);
    }
  });
}

/**
 * Compares the gradient of `f` (a scalar function of `x`) from autodiff with central finite differences.
 * The perturbation is large enough for float32 round-off to stay well under the tolerance.
 */
export function checkGradient(f: (x: Tensor) => Tensor, x: Tensor, h = 1e-2, rtol = 2e-2, atol = 2e-3): void {
  const analytic = tf.tidy(() => tf.grad(f)(x)).dataSync();
  const base = Array.from(x.dataSync());
  const numeric = base.map((_, i) => {
    const at = (delta: number): number =>
      tf.tidy(() => {
        const values = base.slice();
        values[i] = (values[i] as number) + delta;
        return f(tf.tensor(values, x.shape)).dataSync()[0] as number;
      });
    return (at(h) - at(-h)) / (2 * h);
  });
  expectClose(analytic, numeric, rtol, atol);
}

/** Runs `fn` and asserts that it leaves no tensor behind. */
export function expectNoLeak(fn: () => void): void {
  const before = tf.memory().numTensors;
  fn();
  expect(tf.memory().numTensors).toBe(before);
}
