// Test helpers: closeness, leak and read-back checks.
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

/** Runs `fn` and asserts that it read no tensor data back from the backend. */
export function expectNoReadBack(fn: () => void): void {
  const backend = tf.backend();
  const readSync = jest.spyOn(backend, 'readSync');
  const read = jest.spyOn(backend, 'read');
  try {
    fn();
    expect(readSync).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
  } finally {
    readSync.mockRestore();
    read.mockRestore();
  }
}
