import * as tf from '@tensorflow/tfjs-core';
import { randomValues } from './testing/backends';
import { GEMM_ACTIVATIONS, nativeInstructions, nativeKernels, nativeModuleBytes, type NativeInstructions } from './native-kernels';
import { asWasmBackend } from './wasm-backend';

/** Section ids of a module, and the names its import section declares (`module.name`). */
function readSections(bytes: Uint8Array): { ids: number[]; imports: string[] } {
  let at = 8;
  const uleb = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++] as number;
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
    }
  };
  const text = (): string => {
    const length = uleb();
    at += length;
    return new TextDecoder().decode(bytes.subarray(at - length, at));
  };
  const ids: number[] = [];
  const imports: string[] = [];
  while (at < bytes.length) {
    const id = bytes[at++] as number;
    const size = uleb();
    const end = at + size;
    ids.push(id);
    if (id === 2) {
      for (let count = uleb(); count > 0; count--) {
        imports.push(`${text()}.${text()}`);
        const kind = bytes[at++] as number;
        if (kind === 0) uleb(); // a function: its type index
        else if (kind === 3) at += 2; // a global: value type and mutability
        else {
          if (kind === 1) at++; // a table: its element type, then limits
          const flags = bytes[at++] as number;
          uleb();
          if (flags & 1) uleb();
        }
      }
    }
    at = end;
  }
  return { ids, imports };
}

describe('the native kernel module', () => {
  const builds: [NativeInstructions, boolean][] = [['simd128', false], ['simd128', true], ['relaxed-simd', false], ['relaxed-simd', true]];
  for (const [instructions, shared] of builds) {
    const label = `the ${instructions} build${shared ? ' for a shared memory' : ''}`;
    it(`${label} imports nothing but the memory it works in and has no data segments`, () => {
      const bytes = nativeModuleBytes(instructions, shared);
      const { ids, imports } = readSections(bytes);
      expect(imports).toEqual(['env.memory']);
      expect(ids).toContain(10);
      // Section 11 would write data over the backend's heap.
      expect(ids).not.toContain(11);
    });
  }

  it('validates as SIMD128 everywhere Node runs; Node 20 validates relaxed SIMD only behind a flag', () => {
    expect(WebAssembly.validate(nativeModuleBytes('simd128', false))).toBe(true);
    const major = Number(process.versions.node.split('.')[0]);
    const relaxed = WebAssembly.validate(nativeModuleBytes('relaxed-simd', false));
    if (major >= 22) expect(relaxed).toBe(true);
    expect(nativeInstructions()).toBe(relaxed ? 'relaxed-simd' : 'simd128');
  });

  it('exports the same functions from both builds', () => {
    const exported = (instructions: NativeInstructions): string[] =>
      WebAssembly.validate(nativeModuleBytes(instructions, false))
        ? WebAssembly.Module.exports(new WebAssembly.Module(nativeModuleBytes(instructions, false))).map((e) => e.name)
        : [];
    const simd = exported('simd128');
    expect(simd).toEqual(expect.arrayContaining(['gemm', 'conv2d_forward', 'tanh_forward', 'adam_update', 'column_sum', 'transpose']));
    const relaxed = exported('relaxed-simd');
    if (relaxed.length > 0) expect(relaxed).toEqual(simd);
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
