import { ValueError } from './errors';
import * as tf from './ops';
import { setBackend } from './backend';
import { RandomGenerator, getRandomSeed, globalRandom, nextSeed, setRandomSeed } from './random';

function seeds(count: number): number[] {
  return Array.from({ length: count }, () => nextSeed());
}

describe('RandomGenerator', () => {
  it('produces the Mulberry32 sequence (golden values from an independent implementation)', () => {
    const zero = new RandomGenerator(0);
    expect([zero.nextUint32(), zero.nextUint32(), zero.nextUint32(), zero.nextUint32()]).toEqual([
      1144304738, 1416247, 958946056, 627933444,
    ]);
    const g = new RandomGenerator(42);
    expect([g.nextSeed(), g.nextSeed(), g.nextSeed(), g.nextSeed()]).toEqual([2581720956, 1925393290, 3661312704, 2876485805]);
  });

  it('reduces seeds modulo 2^32', () => {
    expect(new RandomGenerator(2 ** 32 + 42).nextUint32()).toBe(2581720956);
  });

  it('draws floats in [0, 1) with mean near 1/2', () => {
    const g = new RandomGenerator(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 20000; i++) {
      const x = g.nextFloat();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 20000).toBeCloseTo(0.5, 2);
  });

  it('shuffles in place into a permutation', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const same = new RandomGenerator(3).shuffle(a);
    expect(same).toBe(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    const typed = new RandomGenerator(3).shuffle(Int32Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(typed)).toEqual(a);
  });
});

describe('setRandomSeed', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  it('makes nextSeed() streams repeat', () => {
    setRandomSeed(1234);
    const first = seeds(8);
    setRandomSeed(1234);
    expect(seeds(8)).toEqual(first);
    expect(getRandomSeed()).toBe(1234);
    setRandomSeed(1235);
    expect(seeds(8)).not.toEqual(first);
  });

  it('makes tfjs random ops seeded through nextSeed() repeat', () => {
    const draw = (seed: number): Float32Array =>
      tf.tidy(() => {
        setRandomSeed(seed);
        return tf.randomUniform([4, 5], 0, 1, 'float32', nextSeed()).dataSync() as Float32Array;
      });
    const before = tf.memory().numTensors;
    const a = draw(99);
    expect(Array.from(draw(99))).toEqual(Array.from(a));
    expect(Array.from(draw(100))).not.toEqual(Array.from(a));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('makes shuffles through globalRandom() repeat', () => {
    const shuffled = (seed: number): number[] => {
      setRandomSeed(seed);
      return globalRandom().shuffle(Array.from({ length: 20 }, (_, i) => i));
    };
    expect(shuffled(5)).toEqual(shuffled(5));
    expect(shuffled(5)).not.toEqual(shuffled(6));
  });

  it('replaces the global generator, so earlier references keep their own stream', () => {
    setRandomSeed(1);
    const old = globalRandom();
    setRandomSeed(1);
    expect(globalRandom()).not.toBe(old);
    expect(globalRandom().nextUint32()).toBe(old.nextUint32());
  });

  it('rejects seeds that are not non-negative integers', () => {
    expect(() => setRandomSeed(-1)).toThrow(ValueError);
    expect(() => setRandomSeed(-1)).toThrow('setRandomSeed: seed must be a non-negative integer; received seed=-1');
    expect(() => setRandomSeed(1.5)).toThrow('setRandomSeed: seed must be a non-negative integer; received seed=1.5');
    expect(() => setRandomSeed(NaN)).toThrow('setRandomSeed: seed must be a non-negative integer; received seed=NaN');
    expect(() => setRandomSeed('7' as unknown as number)).toThrow(
      'setRandomSeed: seed must be a non-negative integer; received seed="7"',
    );
  });
});
