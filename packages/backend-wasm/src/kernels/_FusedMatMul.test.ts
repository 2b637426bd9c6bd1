import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn, wasmDataIds } from '../testing/backends';
import { useMatMulEngine, type MatMulEngine } from '../fast-matmul';

const ENGINES: MatMulEngine[] = ['native', 'xnnpack'];

// Scaled by 1 + |expected|: outputs are dot products of length <= 129 over values in [-1, 1) plus a bias,
// so float32 rounding stays below ~1e-6 of that scale; sigmoid and elu add one rounded exp.
const TOLERANCE = 1e-5;

type Activation = 'linear' | 'relu' | 'relu6' | 'prelu' | 'leakyrelu' | 'sigmoid' | 'elu';
const ACTIVATIONS: Activation[] = ['linear', 'relu', 'relu6', 'prelu', 'leakyrelu', 'sigmoid', 'elu'];

interface FusedCase {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly batch?: number[];
  readonly transposeA: boolean;
  readonly transposeB: boolean;
  readonly activation: Activation;
  readonly biasShape?: number[];
  readonly preluShape?: number[];
}

function fused(c: FusedCase): () => tf.Tensor {
  const batch = c.batch ?? [];
  return () =>
    tf.fused.matMul({
      a: randomTensor([...batch, ...(c.transposeA ? [c.k, c.m] : [c.m, c.k])], 1),
      b: randomTensor([...batch, ...(c.transposeB ? [c.n, c.k] : [c.k, c.n])], 2),
      transposeA: c.transposeA,
      transposeB: c.transposeB,
      bias: c.biasShape === undefined ? undefined : randomTensor(c.biasShape, 3),
      activation: c.activation,
      preluActivationWeights: c.activation === 'prelu' ? randomTensor(c.preluShape ?? [c.n], 4) : undefined,
      leakyreluAlpha: 0.3,
    });
}

async function compare(c: FusedCase): Promise<number> {
  const [actual] = await runOn('wasm', fused(c));
  const [expected] = await runOn('cpu', fused(c));
  return maxScaledError(actual!, expected!);
}

describe.each(ENGINES)('_FusedMatMul (wasm, %s engine) against the cpu backend', (engine) => {
  beforeAll(() => useMatMulEngine(engine));
  afterAll(() => useMatMulEngine('native'));

  for (const activation of ACTIVATIONS) {
    for (const [transposeA, transposeB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      it(`${activation} with bias, transposeA=${transposeA} transposeB=${transposeB}`, async () => {
        expect(await compare({ m: 127, k: 129, n: 3, transposeA, transposeB, activation, biasShape: [3] })).toBeLessThan(TOLERANCE);
      });
    }
    it(`${activation} without bias, batched`, async () => {
      expect(await compare({ m: 5, k: 7, n: 9, batch: [3], transposeA: true, transposeB: true, activation })).toBeLessThan(TOLERANCE);
    });
  }

  it('adds a bias that varies along rows ([m, 1]) before the activation', async () => {
    const c: FusedCase = { m: 6, k: 4, n: 5, batch: [2], transposeA: false, transposeB: true, activation: 'relu', biasShape: [6, 1] };
    expect(await compare(c)).toBeLessThan(TOLERANCE);
  });

  it('applies PReLU slopes that vary along rows ([m, 1]) and per element ([m, n])', async () => {
    const base = { m: 6, k: 4, n: 5, batch: [2], transposeA: false, transposeB: false, activation: 'prelu' as const, biasShape: [5] };
    expect(await compare({ ...base, preluShape: [6, 1] })).toBeLessThan(TOLERANCE);
    expect(await compare({ ...base, preluShape: [6, 5] })).toBeLessThan(TOLERANCE);
    expect(await compare({ ...base, preluShape: [1] })).toBeLessThan(TOLERANCE);
  });

  it('matches a hand-computed relu(a·b + bias)', async () => {
    const [r] = await runOn('wasm', () =>
      tf.fused.matMul({ a: tf.tensor2d([[1, -2]]), b: tf.tensor2d([[3, 1], [4, -1]]), bias: tf.tensor1d([1, -10]), activation: 'relu' }),
    );
    // [1*3 - 2*4 + 1, 1*1 - 2*(-1) - 10] = [-4, -7] → relu → [0, 0]; then check a positive case below
    expect(Array.from(r!.values)).toEqual([0, 0]);
    const [s] = await runOn('wasm', () =>
      tf.fused.matMul({
        a: tf.tensor2d([[2, 1]]),
        b: tf.tensor2d([[3, 1], [4, -1]]),
        bias: tf.tensor1d([1, 0]),
        activation: 'relu',
        transposeB: true,
      }),
    );
    // bᵀ = [[3, 4], [1, -1]]: [2*3 + 1*1 + 1, 2*4 - 1*1 + 0] = [8, 7]
    expect(Array.from(s!.values)).toEqual([8, 7]);
  });

  it('leaves no tensors or wasm buffers behind, fused or not', async () => {
    await tf.setBackend('wasm');
    const tensors = tf.memory().numTensors;
    const buffers = wasmDataIds();
    tf.tidy(() => {
      fused({ m: 6, k: 4, n: 5, batch: [2], transposeA: true, transposeB: false, activation: 'prelu', biasShape: [6, 1], preluShape: [6, 1] })();
      fused({ m: 6, k: 4, n: 5, batch: [2], transposeA: false, transposeB: true, activation: 'elu', biasShape: [5] })();
    });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(wasmDataIds()).toBe(buffers);
  });
});
