import * as tf from '@tensorflow/tfjs-core';
import { randomValues } from './testing/backends';
import { NATIVE_WASM_BASE64 } from './native-binary';
import { GEMM_ACTIVATIONS, nativeKernels } from './native-kernels';
import { asWasmBackend } from './wasm-backend';

const bytes = Uint8Array.from(atob(NATIVE_WASM_BASE64), (ch) => ch.charCodeAt(0));

describe('the native kernel module', () => {
  it('imports nothing but the memory it works in', () => {
    expect(WebAssembly.Module.imports(new WebAssembly.Module(bytes))).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
  });

  it('has no data segments to write over the backend heap (section 11 absent)', () => {
    const sections: number[] = [];
    let at = 8;
    while (at < bytes.length) {
      const id = bytes[at++] as number;
      let size = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = bytes[at++] as number;
        size |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
      }
      sections.push(id);
      at += size;
    }
    expect(sections).toContain(10);
    expect(sections).not.toContain(11);
  });
});

describe('gemm', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });

  /** Runs gemm on values laid out in one scratch block and returns C, next to a float64 reference. */
  function run(m: number, n: number, k: number, transposeA: boolean, transposeB: boolean, accumulate: boolean, activation: keyof typeof GEMM_ACTIVATIONS) {
    const backend = asWasmBackend(tf.backend(), 'gemm test');
    const kernels = nativeKernels(backend);
    if (kernels === null) throw new Error('WebAssembly SIMD is missing');
    const a = randomValues(m * k, 1);
    const b = randomValues(k * n, 2);
    const c0 = randomValues(m * n, 3);
    const bias = randomValues(n, 4);
    const floats = a.length + b.length + c0.length + bias.length;
    const scratchFloats = kernels.exports.gemm_scratch_floats(n);
    const base = kernels.scratch(4 * (floats + scratchFloats + 4));
    const heap = new Float32Array(backend.wasm.HEAPF32.buffer);
    const [aAt, bAt, cAt, biasAt] = [base, base + 4 * a.length, base + 4 * (a.length + b.length), base + 4 * (a.length + b.length + c0.length)];
    heap.set(a, aAt / 4);
    heap.set(b, bAt / 4);
    heap.set(c0, cAt / 4);
    heap.set(bias, biasAt / 4);
    const scratch = (base + 4 * floats + 15) & ~15;
    const [ars, acs] = transposeA ? [1, m] : [k, 1];
    const [brs, bcs] = transposeB ? [1, k] : [n, 1];
    kernels.exports.gemm(m, n, k, aAt, ars, acs, bAt, brs, bcs, cAt, n, accumulate ? 1 : 0, biasAt, GEMM_ACTIVATIONS[activation], scratch);
    const actual = new Float32Array(backend.wasm.HEAPF32.buffer, cAt, m * n).slice();
    const expected = new Float64Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = accumulate ? (c0[i * n + j] as number) : 0;
        for (let q = 0; q < k; q++) sum += (a[i * ars + q * acs] as number) * (b[q * brs + j * bcs] as number);
        sum += bias[j] as number;
        if (activation !== 'linear') sum = Math.max(sum, 0);
        if (activation === 'relu6') sum = Math.min(sum, 6);
        expected[i * n + j] = sum;
      }
    }
    return { actual, expected };
  }

  const cases: [number, number, number][] = [[1, 1, 1], [5, 3, 300], [130, 13, 17], [4, 8, 0]];
  for (const [m, n, k] of cases) {
    for (const activation of ['linear', 'relu', 'relu6'] as const) {
      it(`adds into C with bias and ${activation}: ${m}x${k}x${n}, both operands transposed`, () => {
        const { actual, expected } = run(m, n, k, true, true, true, activation);
        actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 4));
      });
    }
  }

  it('starts from zero without accumulate, whatever C held', () => {
    const { actual, expected } = run(6, 9, 257, false, false, false, 'linear');
    actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 4));
  });

  it('hands out aligned scratch memory that grows on demand', () => {
    const kernels = nativeKernels(asWasmBackend(tf.backend(), 'gemm test'));
    const small = kernels?.scratch(64) as number;
    const large = kernels?.scratch(1 << 20) as number;
    expect(small % 16).toBe(0);
    expect(large % 16).toBe(0);
    expect(kernels?.scratch(32)).toBe(large);
  });
});
