import { adamSimd } from './simd-adam';
import { columnSumSimd } from './simd-column-sum';
import { tanhSimd } from './simd-tanh';

describe('WebAssembly SIMD loops', () => {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const heap = new Float32Array(memory.buffer);

  it('columnSum adds every row onto the output row', () => {
    const sum = columnSumSimd(memory);
    expect(sum).not.toBeNull();
    // 3 rows of 8 at float 16, output at float 0 (zeroed first, as the Sum kernel does).
    for (let i = 0; i < 24; i++) heap[16 + i] = i + 1;
    heap.fill(0, 0, 8);
    sum!(16 * 4, 0, 3, 8);
    expect(Array.from(heap.subarray(0, 8))).toEqual([27, 30, 33, 36, 39, 42, 45, 48]);
  });

  it('tanh is within 1e-6 of Math.tanh from -12 to 12 in float32, and keeps NaN', () => {
    const tanh = tanhSimd(memory);
    expect(tanh).not.toBeNull();
    const n = 4000;
    for (let i = 0; i < n; i++) heap[i] = -12 + (24 * i) / n;
    heap[n - 1] = NaN;
    tanh!(0, n * 4, n);
    for (let i = 0; i < n - 1; i++) expect(Math.abs((heap[n + i] as number) - Math.tanh(heap[i] as number))).toBeLessThan(1e-6);
    expect(heap[2 * n - 1]).toBeNaN();
  });

  it('adam updates every weight, the last size mod 4 in JavaScript', () => {
    const adam = adamSimd(memory);
    if (adam === null) throw new Error('WebAssembly SIMD is unavailable');
    const size = 6;
    const base = { w: 0, g: 8, m: 16, v: 24, newW: 32, newM: 40, newV: 48 };
    for (let i = 0; i < size; i++) {
      heap[base.w + i] = i;
      heap[base.g + i] = 1 - i;
      heap[base.m + i] = 0.5;
      heap[base.v + i] = 0.25;
    }
    const bytes = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v * 4])) as typeof base;
    adam(bytes, size, 0.1, 0.1, 0.01, 1e-3);
    for (let i = 0; i < size; i++) {
      const g = 1 - i;
      const m = 0.5 + (g - 0.5) * 0.1;
      const v = 0.25 + (g * g - 0.25) * 0.01;
      expect(heap[base.newM + i]).toBeCloseTo(m, 6);
      expect(heap[base.newV + i]).toBeCloseTo(v, 6);
      expect(heap[base.newW + i]).toBeCloseTo(i - (0.1 * m) / (Math.sqrt(v) + 1e-3), 5);
    }
  });
});
