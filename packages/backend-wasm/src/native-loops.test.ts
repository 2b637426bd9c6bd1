import { nativeModuleBytes, type NativeExports } from './native-kernels';

// The native module's elementwise loops on a memory of their own, both builds where the engine runs them.
const builds = (['simd128', 'relaxed-simd'] as const).filter((b) => WebAssembly.validate(nativeModuleBytes(b, false)));

describe.each(builds)('native loops (%s)', (build) => {
  const memory = new WebAssembly.Memory({ initial: 64 });
  const native = new WebAssembly.Instance(new WebAssembly.Module(nativeModuleBytes(build, false)), { env: { memory } }).exports as unknown as NativeExports;
  const heap = new Float32Array(memory.buffer);

  const shapes: [number, number][] = [[1, 1], [3, 5], [4, 4], [5, 9], [8, 8], [127, 129], [128, 784], [256, 10], [10, 256], [12, 33]];
  for (const [rows, cols] of shapes) {
    it(`transposes ${rows}x${cols} exactly, writing nothing outside the destination`, () => {
      const src = 16;
      const dst = src + rows * cols + 8;
      for (let i = 0; i < rows * cols; i++) heap[src + i] = i + 0.5;
      heap.fill(-1, dst - 8, dst + rows * cols + 8);
      native.transpose(4 * src, 4 * dst, rows, cols);
      let wrong = 0;
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (heap[dst + j * rows + i] !== i * cols + j + 0.5) wrong++;
      expect(wrong).toBe(0);
      expect(Array.from(heap.subarray(dst - 8, dst))).toEqual(new Array(8).fill(-1));
      expect(Array.from(heap.subarray(dst + rows * cols, dst + rows * cols + 8))).toEqual(new Array(8).fill(-1));
    });
  }

  for (const cols of [8, 7]) {
    it(`column_sum adds up the rows of 3 x ${cols}, whatever the output held`, () => {
      for (let i = 0; i < 3 * cols; i++) heap[16 + i] = i + 1;
      heap.fill(99, 0, 16);
      native.column_sum(16 * 4, 3, cols, 0);
      expect(Array.from(heap.subarray(0, cols))).toEqual(Array.from({ length: cols }, (_, c) => 3 * (c + 1) + 3 * cols));
      expect(heap[cols]).toBe(99);
    });
  }

  it('clamp clips to [lo, hi] exactly, keeps NaN of either sign, tail included, in place too', () => {
    const values = [NaN, Infinity, -Infinity, 0, NaN, 1, -1, 0.5, -2.5, 3, 6.5];
    heap.set(values, 0);
    new Uint32Array(memory.buffer)[4] = 0xffc00000; // the second NaN with its sign bit set
    native.clamp(0, 4 * 16, values.length, 0, 6);
    const clipped = Array.from(heap.subarray(16, 16 + values.length));
    expect(clipped).toEqual([NaN, 6, 0, 0, NaN, 1, 0, 0.5, 0, 3, 6]);
    native.clamp(0, 0, values.length, -1, Infinity);
    expect(Array.from(heap.subarray(0, values.length))).toEqual([NaN, Infinity, -1, 0, NaN, 1, -1, 0.5, -1, 3, 6.5]);
  });

  it('tanh_forward is within 1e-6 of Math.tanh from -12 to 12 in float32, tail included, and keeps NaN', () => {
    const n = 4001;
    for (let i = 0; i < n; i++) heap[i] = -12 + (24 * i) / n;
    heap[n - 1] = NaN;
    native.tanh_forward(0, n * 4, n);
    for (let i = 0; i < n - 1; i++) expect(Math.abs((heap[n + i] as number) - Math.tanh(heap[i] as number))).toBeLessThan(1e-6);
    expect(heap[2 * n - 1]).toBeNaN();
  });

  it('adam_update updates every weight, the last size mod 4 included', () => {
    const size = 6;
    const at = { w: 0, g: 8, m: 16, v: 24, w1: 32, m1: 40, v1: 48 };
    for (let i = 0; i < size; i++) {
      heap[at.w + i] = i;
      heap[at.g + i] = 1 - i;
      heap[at.m + i] = 0.5;
      heap[at.v + i] = 0.25;
    }
    native.adam_update(4 * at.w, 4 * at.g, 4 * at.m, 4 * at.v, 4 * at.w1, 4 * at.m1, 4 * at.v1, size, 0.1, 0.1, 0.01, 1e-3);
    for (let i = 0; i < size; i++) {
      const g = 1 - i;
      const m = 0.5 + (g - 0.5) * 0.1;
      const v = 0.25 + (g * g - 0.25) * 0.01;
      expect(heap[at.m1 + i]).toBeCloseTo(m, 6);
      expect(heap[at.v1 + i]).toBeCloseTo(v, 6);
      expect(heap[at.w1 + i]).toBeCloseTo(i - (0.1 * m) / (Math.sqrt(v) + 1e-3), 5);
    }
  });
});
