/**
 * Strata's own WebAssembly kernels (C in `native/`, compiled by `scripts/build-native.mjs`), instantiated
 * once per backend module on the backend's memory, so that they read and write tensors in place. The
 * module owns no memory of its own: scratch space comes from the backend's allocator.
 */
import type { NativeConvArgs } from './conv-geometry';
import {
  NATIVE_WASM_RELAXED_BASE64, NATIVE_WASM_RELAXED_SHARED_BASE64, NATIVE_WASM_SIMD128_BASE64, NATIVE_WASM_SIMD128_SHARED_BASE64,
} from './native-binary';
import { backendMemory, isShared, type WasmBackend, type WasmModule } from './wasm-backend';
import { requestedThreads } from './thread-count';
import { createThreadPool, type ThreadPool } from './thread-pool';

/** A native convolution: two operands and the output, the geometry, then the scratch block. */
type NativeConvKernel = (...args: [a: number, b: number, out: number, ...geometry: NativeConvArgs, scratch: number]) => void;

/** The scratch floats a native convolution needs for a geometry. */
type NativeConvScratch = (...geometry: NativeConvArgs) => number;

/** The module's exports; pointers are byte offsets into the backend's memory. */
export interface NativeExports {
  gemm(
    m: number, n: number, k: number, a: number, aRowStride: number, aColStride: number, b: number, bRowStride: number,
    bColStride: number, c: number, cRowStride: number, accumulate: number, bias: number, activation: number, scratch: number,
  ): void;
  gemm_scratch_floats(n: number): number;
  /**
   * `native/max_pool_grad.c`: dx (NHWC, fully written) of a max pool from its input x and output gradient dy;
   * `best` and `where` are scratch of outWidth·channels floats and ints.
   */
  max_pool_grad(
    x: number, dy: number, dx: number, batch: number, inHeight: number, inWidth: number, channels: number, outHeight: number,
    outWidth: number, filterHeight: number, filterWidth: number, strideHeight: number, strideWidth: number, padTop: number, padLeft: number,
    best: number, where: number,
  ): void;
  /** `native/dropout_mask.c`: `n` mask entries from the hash key, the 16-bit keep threshold and the kept value. */
  dropout_mask(out: number, n: number, key: number, threshold: number, scale: number): void;
  /**
   * `native/conv2d_backprop_filter.c`: the `[fh·fw·ci, co]` filter gradient `dw` of an NHWC convolution from its
   * input x and output gradient dy (arguments x, dy, dw), with `conv2d_backprop_filter_scratch_floats` floats of scratch.
   */
  conv2d_backprop_filter: NativeConvKernel;
  conv2d_backprop_filter_scratch_floats: NativeConvScratch;
  /**
   * `native/conv2d_backprop_input.c`: the NHWC input gradient `dx` of a convolution from its output gradient dy and
   * `[fh, fw, ci, co]` filter w (arguments dy, w, dx), with `conv2d_backprop_input_scratch_floats` floats of scratch.
   */
  conv2d_backprop_input: NativeConvKernel;
  conv2d_backprop_input_scratch_floats: NativeConvScratch;
  /**
   * `native/conv2d_forward.c`: the NHWC output y of a convolution of NHWC x with the `[fh, fw, ci, co]` filter w
   * (arguments x, w, y), with `conv2d_forward_scratch_floats` floats of scratch.
   */
  conv2d_forward: NativeConvKernel;
  conv2d_forward_scratch_floats: NativeConvScratch;
  /**
   * `native/gather_rows.c`: rows `indices[0..count)` (int32) of `x`, `rows` rows of `rowBytes` bytes, copied one
   * after another into `out`. Returns -1, or, writing nothing, the position of the first index outside `[0, rows)`.
   */
  gather_rows(x: number, rowBytes: number, rows: number, indices: number, count: number, out: number): number;
  /**
   * `native/simple_rnn.c`: all states of a tanh SimpleRNN, `[steps, batch, units]`, from every step's input
   * projection (same layout), the `[units, units]` recurrent kernel and the initial state, with
   * `simple_rnn_forward_scratch_floats(units)` floats of scratch.
   */
  simple_rnn_forward(steps: number, batch: number, units: number, inputs: number, kernel: number, h0: number, states: number, scratch: number): void;
  simple_rnn_forward_scratch_floats(units: number): number;
  /**
   * `native/simple_rnn.c`: the gradients of `simple_rnn_forward` (inputs, recurrent kernel, initial state; all
   * fully written) from the gradient of all its states, with `simple_rnn_backward_scratch_floats(units)` floats of scratch.
   */
  simple_rnn_backward(
    steps: number, batch: number, units: number, dStates: number, states: number, kernel: number, h0: number, dInputs: number,
    dKernel: number, dh0: number, scratch: number,
  ): void;
  simple_rnn_backward_scratch_floats(units: number): number;
  /** `native/simple_rnn.c`: the `[units, units]` transpose of `kernel` into `kernelT`. */
  simple_rnn_transpose(units: number, kernel: number, kernelT: number): void;
  /**
   * `native/simple_rnn.c`: one step of `simple_rnn_backward` on a block of rows (blocks may run in parallel),
   * with the transposed recurrent kernel and `gemm_scratch_floats(units)` floats of scratch.
   */
  simple_rnn_backward_step(
    batch: number, units: number, dStates: number, states: number, kernelT: number, carry: number, dInputs: number, dh: number, scratch: number,
  ): void;
  /** `native/clamp.c`: `y[i] = min(max(x[i], lo), hi)` for `i < n`, NaN kept; `x` and `y` may coincide. */
  clamp(x: number, y: number, n: number, lo: number, hi: number): void;
  /** `native/tanh_forward.c`: `y[i] = tanh(x[i])` for `i < n`, to within 1e-6; `x` and `y` may coincide. */
  tanh_forward(x: number, y: number, n: number): void;
  /**
   * `native/adam_update.c`: one Adam step over `n` weights into new arrays (`alpha` with both bias corrections
   * folded in, `c1 = 1 - β1`, `c2 = 1 - β2`).
   */
  adam_update(w: number, g: number, m: number, v: number, w1: number, m1: number, v1: number, n: number, alpha: number, c1: number, c2: number, epsilon: number): void;
  /** `native/column_sum.c`: the `cols` column sums of a row-major `rows x cols` matrix into `out` (fully written). */
  column_sum(x: number, rows: number, cols: number, out: number): void;
  /** `native/transpose.c`: the `cols x rows` transpose of a row-major `rows x cols` matrix (not overlapping). */
  transpose(src: number, dst: number, rows: number, cols: number): void;
}

/**
 * Which build of the module runs: relaxed SIMD (multiply-adds as `f32x4.relaxed_madd`, fused where the CPU
 * has FMA: Node 22+, current browsers) where the engine validates it, else WebAssembly SIMD128.
 */
export type NativeInstructions = 'relaxed-simd' | 'simd128';

/** The kernels of one backend module and its scratch memory. */
export interface NativeKernels {
  readonly exports: NativeExports;
  /** The build that runs. */
  readonly instructions: NativeInstructions;
  /** Worker threads running the same kernels on the shared memory, where threads were asked for in Node. */
  readonly threads: ThreadPool | null;
  /** A 16-byte aligned byte offset of at least `bytes` bytes of scratch memory, valid until the next call. */
  scratch(bytes: number): number;
}

/** Activation codes of `gemm`'s epilogue (`native/gemm.h`). */
export const GEMM_ACTIVATIONS = { linear: 0, relu: 1, relu6: 2 } as const;

const BASE64: Record<NativeInstructions, { readonly plain: string; readonly shared: string }> = {
  'relaxed-simd': { plain: NATIVE_WASM_RELAXED_BASE64, shared: NATIVE_WASM_RELAXED_SHARED_BASE64 },
  simd128: { plain: NATIVE_WASM_SIMD128_BASE64, shared: NATIVE_WASM_SIMD128_SHARED_BASE64 },
};

/** The bytes of one build of the module, for a plain or a shared memory. */
export function nativeModuleBytes(instructions: NativeInstructions, shared: boolean): Uint8Array<ArrayBuffer> {
  const base64 = BASE64[instructions][shared ? 'shared' : 'plain'];
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}

/** A compiled build of the module. */
interface CompiledNative {
  readonly module: WebAssembly.Module;
  readonly instructions: NativeInstructions;
}

const compiled = new Map<boolean, CompiledNative | null>();

/**
 * The best build this engine validates, for a plain or a shared memory: relaxed SIMD, else SIMD128, else
 * null (no WebAssembly SIMD: callers then keep tfjs-backend-wasm's kernels).
 */
function compiledModule(shared: boolean): CompiledNative | null {
  let known = compiled.get(shared);
  if (known === undefined) {
    known = null;
    for (const instructions of ['relaxed-simd', 'simd128'] as const) {
      const bytes = nativeModuleBytes(instructions, shared);
      if (WebAssembly.validate(bytes)) {
        known = { module: new WebAssembly.Module(bytes), instructions };
        break;
      }
    }
    compiled.set(shared, known);
  }
  return known;
}

/** The build the native kernels run with on this engine, or null where it lacks WebAssembly SIMD. */
export function nativeInstructions(): NativeInstructions | null {
  return compiledModule(false)?.instructions ?? null;
}

interface ModuleWithAllocator extends WasmModule {
  _malloc(bytes: number): number;
  _free(offset: number): void;
}

const instances = new WeakMap<WasmModule, NativeKernels | null>();

/** The native kernels working in `backend`'s memory, or null where the platform lacks WebAssembly SIMD. */
export function nativeKernels(backend: WasmBackend): NativeKernels | null {
  const known = instances.get(backend.wasm);
  if (known !== undefined) return known;
  const memory = backendMemory(backend);
  const build = compiledModule(isShared(memory));
  let kernels: NativeKernels | null = null;
  if (build !== null) {
    const { module } = build;
    const wasm = backend.wasm as ModuleWithAllocator;
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    const own = instance.exports as unknown as NativeExports;
    const threadCount = isShared(memory) && typeof process !== 'undefined' ? requestedThreads() : 1;
    let block = 0;
    let capacity = 0;
    kernels = {
      exports: own,
      instructions: build.instructions,
      threads: threadCount > 1 ? createThreadPool(threadCount, module, memory, own as unknown as Record<string, (...args: number[]) => unknown>) : null,
      scratch(bytes) {
        if (bytes > capacity) {
          if (block !== 0) wasm._free(block);
          capacity = Math.max(bytes, 2 * capacity);
          block = wasm._malloc(capacity + 16) >>> 0;
        }
        return ((block + 15) & ~15) >>> 0;
      },
    };
  }
  instances.set(backend.wasm, kernels);
  return kernels;
}
