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

  it('rejects a rate outside [0, 1) and a negative seed, naming the kernel', async () => {
    await tf.setBackend('wasm');
    expect(() => tf.engine().runKernel('StrataDropoutMask', {}, { shape: [2], rate: 1, seed: 1 })).toThrow(
      'StrataDropoutMask: rate must be a number in [0, 1); received rate=1',
    );
    expect(() => tf.engine().runKernel('StrataDropoutMask', {}, { shape: [2], rate: 0.5, seed: -1 })).toThrow('StrataDropoutMask: seed must be');
  });
});
