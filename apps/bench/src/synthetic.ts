/**
 * Synthetic MNIST-shaped batches for timing: pixels uniform in [0, 1) and random one-hot labels. Training
 * speed does not depend on the values, and both sides of a comparison get the same numbers.
 */

/** `n` samples of `sampleShape` and their one-hot labels over 10 classes, from a fixed seed. */
export function syntheticData(n: number, sampleShape: readonly number[]): { x: Float32Array; y: Float32Array } {
  const size = sampleShape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(n * size);
  const y = new Float32Array(n * 10);
  // A small linear congruential generator: deterministic, and no dependency on any library's RNG.
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  for (let i = 0; i < x.length; i++) x[i] = next();
  for (let i = 0; i < n; i++) y[i * 10 + Math.floor(next() * 10)] = 1;
  return { x, y };
}
