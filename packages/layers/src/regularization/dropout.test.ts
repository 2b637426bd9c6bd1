import { tf, setRandomSeed, RandomGenerator, StrataDropoutMask, ValueError } from '@strata-ml/core';
import { Dropout } from '../index';
import { expectConfigRoundTrip, expectGradientsMatch, sample, useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

describe('Dropout', () => {
  it('is the identity at inference', () => {
    const layer = new Dropout(0.5);
    const x = sample([4, 5], 1);
    const y = layer.apply(x);
    expect(y).toBe(x);
    x.dispose();
  });

  it('in training drops about `rate` of the inputs and scales the rest by 1/(1-rate)', () => {
    const layer = new Dropout(0.45, { seed: 3 });
    const x = tf.ones([400, 250]);
    const y = layer.apply(x, { training: true });
    const data = y.dataSync();
    let zeros = 0;
    let sum = 0;
    for (const v of data) {
      if (v === 0) zeros++;
      else if (Math.abs(v - 1 / 0.55) > 1e-5) throw new Error(`kept value ${v}`);
      sum += v;
    }
    // Four binomial standard deviations of the zero fraction over 100k entries.
    expect(Math.abs(zeros / data.length - 0.45)).toBeLessThan(0.0064);
    expect(Math.abs(sum / data.length - 1)).toBeLessThan(0.012);
    tf.dispose([x, y]);
  });

  it('broadcasts the mask along axes of size 1 in noiseShape', () => {
    const layer = new Dropout(0.5, { noiseShape: [null, 1], seed: 4 });
    const x = tf.ones([50, 6]);
    const y = layer.apply(x, { training: true });
    const rows = y.arraySync() as number[][];
    for (const row of rows) expect(new Set(row).size).toBe(1);
    tf.dispose([x, y]);
  });

  it('draws masks from setRandomSeed when no seed is given, and from its own seed otherwise', () => {
    const x = tf.ones([8, 8]);
    const masks = (make: () => Dropout): number[][] => {
      const layer = make();
      return [0, 1].map(() => tf.tidy(() => Array.from(layer.apply(x, { training: true }).dataSync())));
    };
    setRandomSeed(5);
    const a = masks(() => new Dropout(0.5));
    setRandomSeed(5);
    const b = masks(() => new Dropout(0.5));
    expect(b).toEqual(a);
    expect(a[1]).not.toEqual(a[0]);
    setRandomSeed(6);
    const c = masks(() => new Dropout(0.5, { seed: 1 }));
    setRandomSeed(7);
    expect(masks(() => new Dropout(0.5, { seed: 1 }))).toEqual(c);
    x.dispose();
  });

  it('has the gradient mask/(1-rate) in training (finite differences with a fixed mask)', () => {
    const x = sample([3, 4], 2);
    // The same seed gives the same mask on every call, so the function is deterministic.
    expectGradientsMatch((t) => new Dropout(0.3, { seed: 11 }).apply(t, { training: true }), x, []);
    x.dispose();
  });

  it('round-trips its config and validates the rate', () => {
    const x = sample([2, 3], 3);
    expectConfigRoundTrip(new Dropout(0.25, { noiseShape: [null, 3], seed: 2 }), x);
    x.dispose();
    expect(() => new Dropout(1)).toThrow(ValueError);
    expect(() => new Dropout(1)).toThrow('Dropout: rate must be a number in [0, 1); received rate=1');
  });

  describe('with a mask kernel registered for the backend', () => {
    // A stand-in for the one `@strata-ml/backend-wasm` registers: same contract, drawn from core's generator.
    const calls: { shape: number[]; rate: number; seed: number }[] = [];
    const kernelFunc: tf.KernelFunc = ({ backend, attrs }) => {
      const { shape, rate, seed } = attrs as unknown as { shape: number[]; rate: number; seed: number };
      calls.push({ shape, rate, seed });
      const rng = new RandomGenerator(seed);
      const values = new Float32Array(shape.reduce((p, d) => p * d, 1));
      for (let i = 0; i < values.length; i++) values[i] = rng.nextFloat() < rate ? 0 : 1 / (1 - rate);
      return { dataId: (backend as tf.KernelBackend).write(values, shape, 'float32'), shape, dtype: 'float32' };
    };
    // The backend's own kernel (wasm has one) steps aside for the stand-in and comes back after.
    let own: tf.KernelConfig | undefined;
    beforeAll(() => {
      own = tf.getKernel(StrataDropoutMask, tf.getBackend());
      if (own !== undefined) tf.unregisterKernel(StrataDropoutMask, tf.getBackend());
      tf.registerKernel({ kernelName: StrataDropoutMask, backendName: tf.getBackend(), kernelFunc });
    });
    afterAll(() => {
      tf.unregisterKernel(StrataDropoutMask, tf.getBackend());
      if (own !== undefined) tf.registerKernel(own);
    });
    beforeEach(() => (calls.length = 0));

    it('multiplies by the kernel mask, drawn once with the layer rate, the mask shape and the seed', () => {
      const layer = new Dropout(0.45, { seed: 3 });
      const x = tf.ones([400, 250]);
      const before = tf.memory().numTensors;
      const y = layer.apply(x, { training: true });
      expect(tf.memory().numTensors).toBe(before + 1);
      expect(calls).toEqual([{ shape: [400, 250], rate: 0.45, seed: new RandomGenerator(3).nextSeed() }]);
      const data = y.dataSync();
      let zeros = 0;
      let others = 0;
      for (const v of data) {
        if (v === 0) zeros++;
        else if (v !== Math.fround(1 / 0.55)) others++;
      }
      expect(others).toBe(0);
      expect(Math.abs(zeros / data.length - 0.45)).toBeLessThan(0.0064);
      tf.dispose([x, y]);
    });

    it('broadcasts a noiseShape mask and repeats masks under setRandomSeed', () => {
      const x = tf.ones([50, 6]);
      const rows = tf.tidy(() => new Dropout(0.5, { noiseShape: [null, 1] }).apply(x, { training: true }).arraySync() as number[][]);
      expect(calls[0]!.shape).toEqual([50, 1]);
      for (const row of rows) expect(new Set(row).size).toBe(1);
      const draw = (): number[] => tf.tidy(() => Array.from(new Dropout(0.5).apply(x, { training: true }).dataSync()));
      setRandomSeed(8);
      const a = draw();
      setRandomSeed(8);
      expect(draw()).toEqual(a);
      x.dispose();
    });

    it('passes the gradient mask/(1-rate) back to its input (finite differences with a fixed mask)', () => {
      const x = sample([3, 4], 2);
      expectGradientsMatch((t) => new Dropout(0.3, { seed: 11 }).apply(t, { training: true }), x, []);
      expect(calls.length).toBeGreaterThan(0);
      x.dispose();
    });
  });
});
