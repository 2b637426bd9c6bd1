import * as tf from '@tensorflow/tfjs-core';
import { runOn } from '../testing/backends';
import { fillDropoutMask } from './StrataDropoutMask';

const mask = async (shape: number[], rate: number, seed: number): Promise<Float32Array> => {
  const [out] = await runOn('wasm', () => tf.engine().runKernel('StrataDropoutMask', {}, { shape, rate, seed }) as tf.Tensor);
  expect(out!.shape).toEqual(shape);
  return out!.values;
};

describe('StrataDropoutMask (wasm)', () => {
  for (const rate of [0.1, 0.45, 0.8]) {
    it(`rate ${rate}: entries are 0 or 1/(1-rate), zeros ≈ rate and mean ≈ 1 over 100k entries`, async () => {
      const values = await mask([400, 250], rate, 12345);
      const scale = Math.fround(1 / (1 - rate));
      let zeros = 0;
      let others = 0;
      let sum = 0;
      for (const v of values) {
        if (v === 0) zeros++;
        else if (v !== scale) others++;
        sum += v;
      }
      expect(others).toBe(0);
      // Binomial standard deviation of the zero fraction: sqrt(rate·(1-rate)/1e5) ≤ 0.0016; allow 4 of them.
      expect(Math.abs(zeros / values.length - rate)).toBeLessThan(0.0064);
      expect(Math.abs(sum / values.length - 1)).toBeLessThan(0.0064 / (1 - rate));
    });
  }

  it('neighbouring entries are independent', async () => {
    const values = await mask([100000], 0.5, 7);
    // Pairs (kept, kept) among neighbours: 1/4 if independent.
    let both = 0;
    for (let i = 1; i < values.length; i++) if (values[i]! !== 0 && values[i - 1]! !== 0) both++;
    expect(Math.abs(both / (values.length - 1) - 0.25)).toBeLessThan(0.006);
  });

  it('the same seed gives the same mask; another seed another one', async () => {
    const a = await mask([64, 64], 0.3, 99);
    const b = await mask([64, 64], 0.3, 99);
    const c = await mask([64, 64], 0.3, 100);
    expect(b).toEqual(a);
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== c[i]) differ++;
    // Two independent masks at rate 0.3 differ in 2·0.3·0.7 = 42% of entries.
    expect(Math.abs(differ / a.length - 0.42)).toBeLessThan(0.04);
  });

  it('keeps everything at rate 0 and agrees with fillDropoutMask', async () => {
    expect(Array.from(await mask([3, 5], 0, 1))).toEqual(new Array(15).fill(1));
    const expected = new Float32Array(30);
    fillDropoutMask(expected, 0.25, 2 ** 32 + 5);
    expect(await mask([2, 15], 0.25, 2 ** 32 + 5)).toEqual(expected);
    const low = new Float32Array(30);
    fillDropoutMask(low, 0.25, 5);
    expect(low).not.toEqual(expected);
  });

  it('pins the hash: masks computed independently from the MurmurHash3 finaliser over the Weyl sequence', async () => {
    const kept = (values: Float32Array, scale: number): number[] => Array.from(values, (v) => (v === Math.fround(scale) ? 1 : v === 0 ? 0 : -1));
    expect(kept(await mask([20], 0.5, 12345), 2)).toEqual([0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1]);
    expect(kept(await mask([11], 0.45, 2 ** 40 + 3), 1 / 0.55)).toEqual([1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0]);
  });

  it('gives the bits of fillDropoutMask for every length around the 8-entry vector step', async () => {
    for (const n of [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 1001]) {
      for (const [rate, seed] of [
        [0.45, 3],
        [0.1, 2 ** 33 + 17],
        [0.999, 4000000000],
      ] as const) {
        const expected = new Float32Array(n);
        fillDropoutMask(expected, rate, seed);
        expect(await mask([n], rate, seed)).toEqual(expected);
      }
    }
  });

  it('rejects a rate outside [0, 1) and a negative seed, naming the kernel', async () => {
    await tf.setBackend('wasm');
    expect(() => tf.engine().runKernel('StrataDropoutMask', {}, { shape: [2], rate: 1, seed: 1 })).toThrow(
      'StrataDropoutMask: rate must be a number in [0, 1); received rate=1',
    );
    expect(() => tf.engine().runKernel('StrataDropoutMask', {}, { shape: [2], rate: 0.5, seed: -1 })).toThrow('StrataDropoutMask: seed must be');
  });
});
