import { adamSimd } from './simd-adam';
import { columnSumSimd } from './simd-column-sum';

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

  it('adam updates every weight, the last size mod 4 in JavaScript', () => {
    const adam = adamSimd(memory);
    expect(adam).not.toBeNull();
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
