/** Shared test helpers: backend choice, synthetic data, and a silent print function. */
import { tf, Tensor, RandomGenerator, setBackend } from '@strata-ml/core';

/** Selects the backend the tests run on: `STRATA_TEST_BACKEND`, default the reference `cpu` backend. */
export async function useTestBackend(): Promise<void> {
  await setBackend(process.env['STRATA_TEST_BACKEND'] ?? 'cpu');
}

/**
 * A 3-class problem in 2-D: points around three centres (spread 0.6), `n` per class, from a fixed seed.
 * Returns `x` [3n, 2], one-hot `y` [3n, 3] and integer `labels` [3n].
 */
export function blobs(n: number, seed = 1): { x: Tensor; y: Tensor; labels: Tensor } {
  const rng = new RandomGenerator(seed);
  const centres = [[0, 2], [-2, -1], [2, -1]];
  const xs: number[] = [];
  const ys: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 3 * n; i++) {
    const c = i % 3;
    // Box–Muller from the seeded generator.
    const g = (): number => Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
    xs.push((centres[c]?.[0] ?? 0) + 0.6 * g(), (centres[c]?.[1] ?? 0) + 0.6 * g());
    ys.push(...[0, 1, 2].map((k) => (k === c ? 1 : 0)));
    labels.push(c);
  }
  return { x: tf.tensor2d(xs, [3 * n, 2]), y: tf.tensor2d(ys, [3 * n, 3]), labels: tf.tensor1d(labels, 'int32') };
}

/** Collects printed lines instead of writing them. */
export function collector(): { lines: string[]; print: (line: string) => void; write: (text: string) => void; text: () => string } {
  const lines: string[] = [];
  let buffer = '';
  return {
    lines,
    print: (line) => lines.push(line),
    write: (text) => {
      buffer += text;
    },
    text: () => buffer,
  };
}
