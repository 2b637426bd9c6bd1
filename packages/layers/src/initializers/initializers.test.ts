import { tf, setRandomSeed, UnknownIdentifierError, ValueError, ShapeError } from '@strata-ml/core';
import {
  Constant, GlorotNormal, GlorotUniform, HeNormal, HeUniform, Identity, LecunNormal, LecunUniform, Ones, Orthogonal,
  RandomNormal, RandomUniform, TruncatedNormal, VarianceScaling, Zeros, computeFans, getInitializer, serializeInitializer,
} from '../index';
import { useTestBackend } from '../../test/harness';

beforeAll(useTestBackend);

function stats(values: ArrayLike<number>): { mean: number; std: number; min: number; max: number } {
  let sum = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    sum += v; min = Math.min(min, v); max = Math.max(max, v);
  }
  const mean = sum / values.length;
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += ((values[i] as number) - mean) ** 2;
  return { mean, std: Math.sqrt(sq / values.length), min, max };
}

function draw(init: { apply(shape: number[]): tf.Tensor }, shape: number[]): Float32Array {
  const t = init.apply(shape);
  const data = t.dataSync() as Float32Array;
  t.dispose();
  return data;
}

describe('computeFans', () => {
  it('follows Keras for scalars, vectors, matrices and convolution kernels', () => {
    expect(computeFans([])).toEqual({ fanIn: 1, fanOut: 1 });
    expect(computeFans([5])).toEqual({ fanIn: 5, fanOut: 5 });
    expect(computeFans([784, 256])).toEqual({ fanIn: 784, fanOut: 256 });
    expect(computeFans([3, 3, 16, 32])).toEqual({ fanIn: 144, fanOut: 288 });
  });
});

describe('variance-scaling initializers (statistics over 200×300 draws)', () => {
  const shape = [200, 300];
  const fanIn = 200, fanOut = 300, fanAvg = 250;
  const uniformCases: [string, () => { apply(s: number[]): tf.Tensor }, number][] = [
    ['glorot_uniform', () => new GlorotUniform({ seed: 1 }), Math.sqrt(6 / (fanIn + fanOut))],
    ['he_uniform', () => new HeUniform({ seed: 2 }), Math.sqrt(6 / fanIn)],
    ['lecun_uniform', () => new LecunUniform({ seed: 3 }), Math.sqrt(3 / fanIn)],
    ['variance_scaling fan_out uniform', () => new VarianceScaling({ scale: 2, mode: 'fanOut', distribution: 'uniform', seed: 4 }), Math.sqrt(6 / fanOut)],
  ];
  it.each(uniformCases)('%s stays in [-limit, limit] with std limit/√3', (_n, make, limit) => {
    const s = stats(draw(make(), shape));
    expect(s.min).toBeGreaterThanOrEqual(-limit);
    expect(s.max).toBeLessThanOrEqual(limit);
    expect(s.max).toBeGreaterThan(0.99 * limit);
    expect(Math.abs(s.mean)).toBeLessThan(0.02 * limit);
    expect(s.std).toBeCloseTo(limit / Math.sqrt(3), 3);
  });

  const normalCases: [string, () => { apply(s: number[]): tf.Tensor }, number][] = [
    ['glorot_normal', () => new GlorotNormal({ seed: 5 }), Math.sqrt(1 / fanAvg)],
    ['he_normal', () => new HeNormal({ seed: 6 }), Math.sqrt(2 / fanIn)],
    ['lecun_normal', () => new LecunNormal({ seed: 7 }), Math.sqrt(1 / fanIn)],
  ];
  it.each(normalCases)('%s has the intended std after the truncation correction, within 2/0.8796 std', (_n, make, std) => {
    const s = stats(draw(make(), shape));
    expect(Math.abs(s.mean)).toBeLessThan(0.02 * std);
    expect(Math.abs(s.std / std - 1)).toBeLessThan(0.02);
    const bound = (2 * std) / 0.87962566103423978;
    expect(s.max).toBeLessThanOrEqual(bound * 1.0001);
    expect(s.min).toBeGreaterThanOrEqual(-bound * 1.0001);
  });

  it('untruncated_normal has std sqrt(scale / fan)', () => {
    const s = stats(draw(new VarianceScaling({ scale: 3, distribution: 'untruncated_normal', seed: 8 }), shape));
    expect(Math.abs(s.std / Math.sqrt(3 / fanIn) - 1)).toBeLessThan(0.02);
    expect(s.max).toBeGreaterThan(3 * Math.sqrt(3 / fanIn));
  });
});

describe('random initializers', () => {
  it('random_normal and truncated_normal default to mean 0, stddev 0.05', () => {
    const n = stats(draw(new RandomNormal({ seed: 1 }), [60000]));
    expect(Math.abs(n.mean)).toBeLessThan(0.001);
    expect(n.std).toBeCloseTo(0.05, 3);
    const t = stats(draw(new TruncatedNormal({ seed: 1 }), [60000]));
    expect(t.std).toBeCloseTo(0.05 * 0.87962566103423978, 3);
    expect(t.max).toBeLessThanOrEqual(0.1 + 1e-6);
    const m = stats(draw(new RandomNormal({ mean: 3, stddev: 2, seed: 2 }), [60000]));
    expect(m.mean).toBeCloseTo(3, 1);
    expect(m.std).toBeCloseTo(2, 1);
  });

  it('random_uniform defaults to [-0.05, 0.05)', () => {
    const s = stats(draw(new RandomUniform({ seed: 3 }), [60000]));
    expect(s.min).toBeGreaterThanOrEqual(-0.05);
    expect(s.max).toBeLessThan(0.05);
    expect(s.std).toBeCloseTo(0.1 / Math.sqrt(12), 3);
  });

  it('a fixed seed repeats; without one, setRandomSeed makes draws repeatable', () => {
    expect(Array.from(draw(new GlorotUniform({ seed: 9 }), [4, 4]))).toEqual(Array.from(draw(new GlorotUniform({ seed: 9 }), [4, 4])));
    setRandomSeed(123);
    const first = Array.from(draw(new HeNormal(), [4, 4]));
    const second = Array.from(draw(new HeNormal(), [4, 4]));
    setRandomSeed(123);
    expect(Array.from(draw(new HeNormal(), [4, 4]))).toEqual(first);
    expect(second).not.toEqual(first);
  });
});

describe('deterministic initializers', () => {
  it('zeros, ones, constant, identity', () => {
    expect(Array.from(draw(new Zeros(), [3]))).toEqual([0, 0, 0]);
    expect(Array.from(draw(new Ones(), [2]))).toEqual([1, 1]);
    expect(Array.from(draw(new Constant({ value: 2.5 }), [2]))).toEqual([2.5, 2.5]);
    expect(Array.from(draw(new Identity({ gain: 2 }), [2, 3]))).toEqual([2, 0, 0, 0, 2, 0]);
    expect(() => new Identity().apply([2, 2, 2])).toThrow(ShapeError);
  });

  it('orthogonal gives Q with QᵀQ = gain²·I, for tall and wide shapes', () => {
    for (const shape of [[6, 4], [4, 6]]) {
      const q = new Orthogonal({ gain: 1.5, seed: 3 }).apply(shape);
      const gram = tf.tidy(() => (shape[0]! >= shape[1]! ? tf.matMul(q, q, true, false) : tf.matMul(q, q, false, true)));
      const n = Math.min(shape[0]!, shape[1]!);
      const data = gram.dataSync();
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(data[i * n + j]).toBeCloseTo(i === j ? 2.25 : 0, 4);
      tf.dispose([q, gram]);
    }
  });
});

describe('getInitializer', () => {
  it('resolves names in both spellings with Keras defaults, and round-trips configs', () => {
    expect(getInitializer('glorot_uniform')).toBeInstanceOf(GlorotUniform);
    expect(getInitializer('glorotUniform')).toBeInstanceOf(GlorotUniform);
    expect(getInitializer('GlorotUniform')).toBeInstanceOf(GlorotUniform);
    expect(getInitializer('he_normal')).toBeInstanceOf(HeNormal);
    const vs = new VarianceScaling({ scale: 2, mode: 'fan_avg', distribution: 'uniform', seed: 5 });
    const copy = getInitializer(JSON.parse(JSON.stringify(serializeInitializer(vs))));
    expect(copy).toBeInstanceOf(VarianceScaling);
    expect(copy.getConfig()).toEqual({ scale: 2, mode: 'fan_avg', distribution: 'uniform', seed: 5 });
    expect(getInitializer({ className: 'Constant', config: { value: 3 } }).getConfig()).toEqual({ value: 3 });
    const inst = new Ones();
    expect(getInitializer(inst)).toBe(inst);
  });

  it('reports unknown names and bad arguments with the valid values', () => {
    expect(() => getInitializer('glorot')).toThrow(UnknownIdentifierError);
    expect(() => getInitializer('glorot')).toThrow(/unknown initializer "glorot"; valid initializers are: constant, glorot_normal, glorot_uniform/);
    expect(() => new VarianceScaling({ mode: 'fan' as 'fan_in' })).toThrow(
      "VarianceScaling: mode must be one of 'fan_in', 'fan_out', 'fan_avg'; received mode=\"fan\"",
    );
    expect(() => new RandomUniform({ minval: 1, maxval: 0 })).toThrow(ValueError);
    expect(() => new GlorotUniform({ seed: -1 })).toThrow('GlorotUniform: seed must be a non-negative integer; received seed=-1');
  });
});
