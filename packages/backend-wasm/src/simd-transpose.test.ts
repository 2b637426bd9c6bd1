import { transposeSimd } from './simd-transpose';

describe('transposeSimd', () => {
  const memory = new WebAssembly.Memory({ initial: 64 });
  const transpose = transposeSimd(memory);

  it('is available where WebAssembly SIMD is (Node 20) and instantiated once per memory', () => {
    expect(transpose).not.toBeNull();
    expect(transposeSimd(memory)).toBe(transpose);
  });

  const shapes: [number, number][] = [[1, 1], [3, 5], [4, 4], [5, 9], [8, 8], [127, 129], [128, 784], [256, 10], [10, 256], [12, 33]];
  for (const [rows, cols] of shapes) {
    it(`transposes ${rows}x${cols} exactly, writing nothing outside the destination`, () => {
      const heap = new Float32Array(memory.buffer);
      const src = 16;
      const dst = src + rows * cols + 8;
      for (let i = 0; i < rows * cols; i++) heap[src + i] = i + 0.5;
      heap.fill(-1, dst - 8, dst + rows * cols + 8);
      transpose!(4 * src, 4 * dst, rows, cols);
      let wrong = 0;
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (heap[dst + j * rows + i] !== i * cols + j + 0.5) wrong++;
      expect(wrong).toBe(0);
      expect(Array.from(heap.subarray(dst - 8, dst))).toEqual(new Array(8).fill(-1));
      expect(Array.from(heap.subarray(dst + rows * cols, dst + rows * cols + 8))).toEqual(new Array(8).fill(-1));
    });
  }
});
