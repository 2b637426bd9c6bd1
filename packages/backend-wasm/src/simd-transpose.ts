/**
 * A WebAssembly SIMD matrix transpose that works directly in the backend's memory. Neither JavaScript
 * (~0.5 ns per float) nor the module's Transpose kernel (~0.35 ns, but ~3-8 ns when the row count is a
 * multiple of 128) is fast enough to keep a transposed matMul near the plain one for the seed MLP's
 * shapes; this moves 4x4 tiles with two rounds of lane shuffles (~0.1 ns per float). The module is small enough to write out
 * here instruction by instruction; `transposeSimd` returns null where WebAssembly SIMD is unavailable.
 */

import {
  BR_IF, END, I32, I32_ADD, I32_GE_S, I32_LT_S, I32_MUL, I32_SHL, SELECT, V128, V128_LOAD, V128_STORE, constant, get, loop, set, shuffle, tee,
} from './wasm-instructions';
import { perMemory, type MemoryFunction } from './wasm-module';

// 4x4 transpose of rows a, b, c, d in two rounds: 32-bit interleaves, then 64-bit halves.
const LOW_32 = shuffle([0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23]); // a0 b0 a1 b1
const HIGH_32 = shuffle([8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31]); // a2 b2 a3 b3
const LOW_64 = shuffle([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]);
const HIGH_64 = shuffle([8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31]);

/**
 * Columns per pass: 8 destination rows are filled at once. Even when the destination row stride is a
 * multiple of 4 KiB they then fit one 8-way cache set (measured, 1024x1024: 0.37 ns per float with 8,
 * 1.4 ns with 64; 0.06-0.12 ns for the seed MLP's matrices).
 */
const COLUMN_BLOCK = 8;

// Parameters: byte offsets of source and destination, rows, cols, and rows and cols rounded down to 4.
const [SRC, DST, ROWS, COLS, ROWS4, COLS4] = [0, 1, 2, 3, 4, 5];
// i32 locals, then v128 locals.
const [J0, I, J, J_END, P, Q, ROW_BYTES, COL_BYTES] = [6, 7, 8, 9, 10, 11, 12, 13];
const [R0, R1, R2, R3, T0, T1, T2, T3] = [14, 15, 16, 17, 18, 19, 20, 21];

/** Exits the enclosing loop's block when `a >= b`. */
const breakIfAtLeast = (a: number, b: number): number[] => [...get(a), ...get(b), I32_GE_S, BR_IF, 1];

/** Transposes the 4-aligned part `[rows4, cols4]` of a `rows x cols` float matrix, tile by tile. */
const BODY: number[] = [
  ...get(COLS), ...constant(2), I32_SHL, ...set(COL_BYTES),
  ...get(ROWS), ...constant(2), I32_SHL, ...set(ROW_BYTES),
  ...loop([
    ...breakIfAtLeast(J0, COLS4),
    // jEnd = min(j0 + COLUMN_BLOCK, cols4)
    ...get(J0), ...constant(COLUMN_BLOCK), I32_ADD, ...tee(J_END), ...get(COLS4), ...get(J_END), ...get(COLS4), I32_LT_S, SELECT, ...set(J_END),
    ...constant(0), ...set(I),
    ...loop([
      ...breakIfAtLeast(I, ROWS4),
      ...get(J0), ...set(J),
      ...loop([
        ...breakIfAtLeast(J, J_END),
        // p = src + 4 (i·cols + j): rows i..i+3 of columns j..j+3
        ...get(SRC), ...get(I), ...get(COLS), I32_MUL, ...get(J), I32_ADD, ...constant(2), I32_SHL, I32_ADD, ...tee(P),
        ...V128_LOAD, ...set(R0),
        ...get(P), ...get(COL_BYTES), I32_ADD, ...tee(P), ...V128_LOAD, ...set(R1),
        ...get(P), ...get(COL_BYTES), I32_ADD, ...tee(P), ...V128_LOAD, ...set(R2),
        ...get(P), ...get(COL_BYTES), I32_ADD, ...V128_LOAD, ...set(R3),
        ...get(R0), ...get(R1), ...LOW_32, ...set(T0),
        ...get(R0), ...get(R1), ...HIGH_32, ...set(T1),
        ...get(R2), ...get(R3), ...LOW_32, ...set(T2),
        ...get(R2), ...get(R3), ...HIGH_32, ...set(T3),
        // q = dst + 4 (j·rows + i): rows j..j+3 of the destination, at column i
        ...get(DST), ...get(J), ...get(ROWS), I32_MUL, ...get(I), I32_ADD, ...constant(2), I32_SHL, I32_ADD, ...tee(Q),
        ...get(T0), ...get(T2), ...LOW_64, ...V128_STORE,
        ...get(Q), ...get(ROW_BYTES), I32_ADD, ...tee(Q), ...get(T0), ...get(T2), ...HIGH_64, ...V128_STORE,
        ...get(Q), ...get(ROW_BYTES), I32_ADD, ...tee(Q), ...get(T1), ...get(T3), ...LOW_64, ...V128_STORE,
        ...get(Q), ...get(ROW_BYTES), I32_ADD, ...get(T1), ...get(T3), ...HIGH_64, ...V128_STORE,
        ...get(J), ...constant(4), I32_ADD, ...set(J),
      ]),
      ...get(I), ...constant(4), I32_ADD, ...set(I),
    ]),
    ...get(J0), ...constant(COLUMN_BLOCK), I32_ADD, ...set(J0),
  ]),
  END,
];

/** Imports `env.memory`, exports `transpose(src, dst, rows, cols, rows4, cols4)`. */
const TRANSPOSE: MemoryFunction = { name: 'transpose', params: [I32, I32, I32, I32, I32, I32], locals: [[8, I32], [8, V128]], body: BODY };

/** Transposes a float32 `rows x cols` matrix at byte offset `src` into `cols x rows` at `dst`. */
export type TransposeFn = (src: number, dst: number, rows: number, cols: number) => void;

/** Scalar edges the SIMD tiles leave: rows past the last multiple of 4, and columns past it. */
function transposeEdges(heap: Float32Array, src: number, dst: number, rows: number, cols: number, rows4: number, cols4: number): void {
  for (let i = 0; i < rows; i++) {
    for (let j = i < rows4 ? cols4 : 0; j < cols; j++) heap[dst + j * rows + i] = heap[src + i * cols + j] as number;
  }
}

/**
 * A SIMD transpose working in `memory`, or null where the platform has no WebAssembly SIMD. Instantiated
 * once per memory.
 */
export const transposeSimd: (memory: WebAssembly.Memory) => TransposeFn | null = perMemory(TRANSPOSE, (tiles, memory) => (src, dst, rows, cols) => {
  const rows4 = rows & ~3;
  const cols4 = cols & ~3;
  tiles(src, dst, rows, cols, rows4, cols4);
  if (rows4 !== rows || cols4 !== cols) transposeEdges(new Float32Array(memory.buffer), src >>> 2, dst >>> 2, rows, cols, rows4, cols4);
});
