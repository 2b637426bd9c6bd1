/**
 * The Adam update as a WebAssembly SIMD loop working directly in the backend's memory, four floats at a
 * time. In JavaScript the update is bound by a float64 square root and division per element (~4 ns per
 * weight, ~1 ms per step for the seed MLP's 269,322 weights); `f32x4.sqrt` and `f32x4.div` do four at
 * once. Written out instruction by instruction like `simd-transpose.ts`; `adamSimd` returns null where
 * WebAssembly SIMD is unavailable.
 */
import {
  BR_IF, END, F32, F32X4_ADD, F32X4_DIV, F32X4_MUL, F32X4_SPLAT, F32X4_SQRT, F32X4_SUB, I32, I32_ADD, I32_CONST, I32_GE_S, I32_SHL, V128,
  V128_LOAD, V128_STORE, get, loop, set,
} from './wasm-instructions';
import { perMemory, type MemoryFunction } from './wasm-module';

// Parameters: byte offsets of w, g, m, v and of the new w, m, v; the element count (a multiple of 4); then
// alpha, 1 - β1, 1 - β2, ε.
const [W, G, M, V, W1, M1, V1, N4, ALPHA, C1, C2, EPS] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// i32 locals, then v128 locals.
const [I, END_BYTES] = [12, 13];
const [VA, VC1, VC2, VEPS, GV, MV, VV, MN, VN] = [14, 15, 16, 17, 18, 19, 20, 21, 22];

/** `v128.load` from parameter `base` plus the byte index. */
const load = (base: number): number[] => [...get(base), ...get(I), I32_ADD, ...V128_LOAD];
/** The address parameter `base` plus the byte index, ready for a store. */
const at = (base: number): number[] => [...get(base), ...get(I), I32_ADD];

const BODY: number[] = [
  ...get(ALPHA), ...F32X4_SPLAT, ...set(VA),
  ...get(C1), ...F32X4_SPLAT, ...set(VC1),
  ...get(C2), ...F32X4_SPLAT, ...set(VC2),
  ...get(EPS), ...F32X4_SPLAT, ...set(VEPS),
  ...get(N4), I32_CONST, 2, I32_SHL, ...set(END_BYTES),
  ...loop([
    ...get(I), ...get(END_BYTES), I32_GE_S, BR_IF, 1,
    ...load(G), ...set(GV),
    ...load(M), ...set(MV),
    ...load(V), ...set(VV),
    // m' = m + (g - m)(1 - β1)
    ...get(MV), ...get(GV), ...get(MV), ...F32X4_SUB, ...get(VC1), ...F32X4_MUL, ...F32X4_ADD, ...set(MN),
    // v' = v + (g² - v)(1 - β2)
    ...get(VV), ...get(GV), ...get(GV), ...F32X4_MUL, ...get(VV), ...F32X4_SUB, ...get(VC2), ...F32X4_MUL, ...F32X4_ADD, ...set(VN),
    ...at(M1), ...get(MN), ...V128_STORE,
    ...at(V1), ...get(VN), ...V128_STORE,
    // w' = w - alpha·m'/(√v' + ε)
    ...at(W1), ...load(W), ...get(VA), ...get(MN), ...F32X4_MUL, ...get(VN), ...F32X4_SQRT, ...get(VEPS), ...F32X4_ADD, ...F32X4_DIV, ...F32X4_SUB,
    ...V128_STORE,
    ...get(I), I32_CONST, 16, I32_ADD, ...set(I),
  ]),
  END,
];

/** Imports `env.memory`, exports `adam(w, g, m, v, w1, m1, v1, n4, alpha, c1, c2, eps)`. */
const ADAM: MemoryFunction = {
  name: 'adam',
  params: [I32, I32, I32, I32, I32, I32, I32, I32, F32, F32, F32, F32],
  locals: [[2, I32], [9, V128]],
  body: BODY,
};

/** Byte offsets in the memory of the arrays of one Adam update, all `size` float32 values. */
export interface AdamBuffers {
  readonly w: number;
  readonly g: number;
  readonly m: number;
  readonly v: number;
  readonly newW: number;
  readonly newM: number;
  readonly newV: number;
}

/** One Adam step over `size` weights: `alpha` has both bias corrections folded in; `c1 = 1 - β1`, `c2 = 1 - β2`. */
export type AdamFn = (buffers: AdamBuffers, size: number, alpha: number, c1: number, c2: number, epsilon: number) => void;

/** The same update in JavaScript, for the last `size mod 4` weights. */
function adamTail(heap: Float32Array, b: AdamBuffers, from: number, size: number, alpha: number, c1: number, c2: number, epsilon: number): void {
  for (let i = from; i < size; i++) {
    const g = heap[(b.g >>> 2) + i] as number;
    const m = heap[(b.m >>> 2) + i] as number;
    const v = heap[(b.v >>> 2) + i] as number;
    const mNew = m + (g - m) * c1;
    const vNew = v + (g * g - v) * c2;
    heap[(b.newM >>> 2) + i] = mNew;
    heap[(b.newV >>> 2) + i] = vNew;
    heap[(b.newW >>> 2) + i] = (heap[(b.w >>> 2) + i] as number) - (alpha * mNew) / (Math.sqrt(vNew) + epsilon);
  }
}

/** A SIMD Adam update working in `memory`, or null where the platform has no WebAssembly SIMD. Instantiated once per memory. */
export const adamSimd: (memory: WebAssembly.Memory) => AdamFn | null = perMemory(ADAM, (run, memory) => (b, size, alpha, c1, c2, epsilon) => {
  const size4 = size & ~3;
  run(b.w, b.g, b.m, b.v, b.newW, b.newM, b.newV, size4, alpha, c1, c2, epsilon);
  if (size4 !== size) adamTail(new Float32Array(memory.buffer), b, size4, size, alpha, c1, c2, epsilon);
});
