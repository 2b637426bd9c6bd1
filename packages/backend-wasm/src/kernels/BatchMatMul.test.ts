import * as tf from '@tensorflow/tfjs-core';
import { maxScaledError, randomTensor, runOn, wasmDataIds } from '../testing/backends';
import { useMatMulEngine, type MatMulEngine } from '../fast-matmul';

const ENGINES: MatMulEngine[] = ['native', 'xnnpack'];

// Errors are measured against sum_k |a_ik||b_kj|, the scale of float32 rounding in a dot product: two
// correct float32 dot products of length k differ by up to ~k * 6e-8 of it, far below 1e-5 for k <= 1024.
const TOLERANCE = 1e-5;

type Case = [aShape: number[], bShape: number[], transposeA: boolean, transposeB: boolean];

/** Broadcasts the batch dimensions of both operands to their common shape (the reference backend
 * mishandles some broadcasts, e.g. [2,1] against [3], so the reference gets explicit batches). */
function broadcastBatches(a: tf.Tensor, b: tf.Tensor): [tf.Tensor, tf.Tensor] {
  const batch = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  return [tf.broadcastTo(a, [...batch, ...a.shape.slice(-2)]), tf.broadcastTo(b, [...batch, ...b.shape.slice(-2)])];
}

async function compare([aShape, bShape, transposeA, transposeB]: Case, seed: number): Promise<number> {
  const a = () => randomTensor(aShape, seed);
  const b = () => randomTensor(bShape, seed + 1);
  const [actual] = await runOn('wasm', () => tf.matMul(a(), b(), transposeA, transposeB));
  const [expected, scale] = await runOn('cpu', () => {
    const [ea, eb] = broadcastBatches(a(), b());
    return [tf.matMul(ea, eb, transposeA, transposeB), tf.matMul(tf.abs(ea), tf.abs(eb), transposeA, transposeB)];
  });
  return maxScaledError(actual!, expected!, scale);
}

const TRANSPOSES: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

/** `[m, k] x [k, n]` in the layout each transpose flag asks for. */
function matrixCase(m: number, k: number, n: number, transposeA: boolean, transposeB: boolean, batchA: number[] = [], batchB: number[] = []): Case {
  return [[...batchA, ...(transposeA ? [k, m] : [m, k])], [...batchB, ...(transposeB ? [n, k] : [k, n])], transposeA, transposeB];
}

describe.each(ENGINES)('BatchMatMul (wasm, %s engine) against the cpu backend', (engine) => {
  beforeAll(() => useMatMulEngine(engine));
  afterAll(() => useMatMulEngine('native'));

  const sizes: [number, number, number][] = [
    [1, 1, 1],
    [1, 3, 1],
    [3, 1, 3],
    [127, 129, 3],
    [129, 127, 128],
    [128, 784, 10],
    [256, 128, 129],
  ];
  for (const [transposeA, transposeB] of TRANSPOSES) {
    for (const [m, k, n] of sizes) {
      it(`[${m}x${k}]·[${k}x${n}] transposeA=${transposeA} transposeB=${transposeB}`, async () => {
        expect(await compare(matrixCase(m, k, n, transposeA, transposeB), m * 7 + n)).toBeLessThan(TOLERANCE);
      });
    }
    it(`batched [4] x [4] of small matrices, transposeA=${transposeA} transposeB=${transposeB}`, async () => {
      expect(await compare(matrixCase(5, 7, 3, transposeA, transposeB, [4], [4]), 11)).toBeLessThan(TOLERANCE);
    });
    it(`batched [3] x [3] with matrices large enough for XNNPACK, transposeA=${transposeA} transposeB=${transposeB}`, async () => {
      expect(await compare(matrixCase(33, 17, 20, transposeA, transposeB, [3], [3]), 15)).toBeLessThan(TOLERANCE);
    });
    it(`broadcast [2,1] x [3] batches, transposeA=${transposeA} transposeB=${transposeB}`, async () => {
      expect(await compare(matrixCase(3, 5, 4, transposeA, transposeB, [2, 1], [3]), 12)).toBeLessThan(TOLERANCE);
    });
    it(`broadcast [1] x [3] batches, transposeA=${transposeA} transposeB=${transposeB}`, async () => {
      expect(await compare(matrixCase(6, 4, 5, transposeA, transposeB, [1], [3]), 13)).toBeLessThan(TOLERANCE);
    });
    it(`batched a with one b (rank 3 x rank 2), transposeA=${transposeA} transposeB=${transposeB}`, async () => {
      expect(await compare(matrixCase(9, 8, 7, transposeA, transposeB, [2, 3], []), 14)).toBeLessThan(TOLERANCE);
    });
  }

  it('matches a hand-computed product', async () => {
    const [r] = await runOn('wasm', () => tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5, 6], [7, 8]]), true, false));
    // aᵀ = [[1, 3], [2, 4]]; aᵀ·b = [[1*5+3*7, 1*6+3*8], [2*5+4*7, 2*6+4*8]]
    expect(Array.from(r!.values)).toEqual([26, 30, 38, 44]);
  });

  it('gives zeros for an empty inner dimension and an empty output for an empty outer one', async () => {
    const [zeros, empty] = await runOn('wasm', () => [tf.matMul(tf.zeros([3, 0]), tf.zeros([0, 2])), tf.matMul(tf.zeros([0, 4]), tf.ones([4, 2]))]);
    expect(zeros!.shape).toEqual([3, 2]);
    expect(Array.from(zeros!.values)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(empty!.shape).toEqual([0, 2]);
  });

  it('rejects mismatched inner dimensions, naming both shapes', async () => {
    await tf.setBackend('wasm');
    const run = () => tf.engine().runKernel('BatchMatMul', { a: tf.zeros([2, 3]), b: tf.zeros([4, 2]) }, { transposeA: false, transposeB: false });
    expect(run).toThrow(
      'BatchMatMul: inner dimensions of a and b must match; received a shape [2, 3] and b shape [4, 2] ' +
        'with transposeA=false, transposeB=false (3 vs 4)',
    );
  });

  it('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const a = randomTensor([3, 129, 129], 1);
    const b = randomTensor([1, 129, 129], 2);
    const tensors = tf.memory().numTensors;
    const buffers = wasmDataIds();
    const outputs = TRANSPOSES.map(([ta, tb]) => tf.matMul(a, b, ta, !tb));
    expect(tf.memory().numTensors).toBe(tensors + 4);
    tf.dispose(outputs);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(wasmDataIds()).toBe(buffers);
    tf.dispose([a, b]);
  });
});

describe.each(ENGINES)('matMul gradients on wasm (%s engine) against the cpu backend', (engine) => {
  beforeAll(() => useMatMulEngine(engine));
  afterAll(() => useMatMulEngine('native'));

  for (const [transposeA, transposeB] of TRANSPOSES) {
    it(`d/da and d/db with transposeA=${transposeA} transposeB=${transposeB}`, async () => {
      const [aShape, bShape] = matrixCase(33, 129, 17, transposeA, transposeB);
      const grads = () => {
        const w = randomTensor([33, 17], 9);
        const f = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.matMul(a, b, transposeA, transposeB), w));
        return tf.grads(f)([randomTensor(aShape, 3), randomTensor(bShape, 4)]);
      };
      const actual = await runOn('wasm', grads);
      const expected = await runOn('cpu', grads);
      // Each gradient entry is a dot product of length 17 or 33 over values in [-1, 1).
      expect(maxScaledError(actual[0]!, expected[0]!)).toBeLessThan(TOLERANCE);
      expect(maxScaledError(actual[1]!, expected[1]!)).toBeLessThan(TOLERANCE);
    });
  }
});
