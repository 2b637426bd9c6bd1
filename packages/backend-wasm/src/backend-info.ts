/**
 * What the wasm backend runs with: SIMD, threads, which binary, which build of Strata's native kernels, and
 * Strata's kernels.
 */
import { engine, env } from '@tensorflow/tfjs-core';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { nativeInstructions, nativeKernels, type NativeInstructions } from './native-kernels';
import { STRATA_WASM_KERNELS } from './register';
import { asWasmBackend } from './wasm-backend';

/** The binaries tfjs-backend-wasm ships; it picks one from the features the platform supports. */
export type WasmBinary = 'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

/** A description of the wasm backend in this process. */
export interface WasmBackendInfo {
  /** Whether the platform runs WebAssembly SIMD (the SIMD binary is then used). */
  readonly simd: boolean;
  /** Whether the multi-threaded binary is allowed (in Node, only when Strata starts it for threads). */
  readonly multithreading: boolean;
  /** The binary the backend loads (or loaded). */
  readonly binary: WasmBinary;
  /**
   * Threads the backend computes with, or null until the backend has started: in Node, the threads of
   * Strata's native kernels (by default the available parallelism, at most 8; `setThreadsCount`,
   * `STRATA_WASM_THREADS`).
   */
  readonly threads: number | null;
  /**
   * The build of Strata's native kernels that runs: 'relaxed-simd' (fused multiply-adds) where the engine
   * has WebAssembly relaxed SIMD (Node 22+, current browsers), 'simd128' where it has SIMD only, null
   * without SIMD (the stock kernels run then).
   */
  readonly nativeInstructions: NativeInstructions | null;
  /** Kernels Strata adds to or replaces in the wasm backend. */
  readonly kernels: string[];
}

/**
 * Describes the wasm backend: SIMD support, thread count in use, binary, Strata's kernels. Thread count is
 * known once the backend has started (`await setBackend('wasm')` or `await ready()`).
 */
export async function backendInfo(): Promise<WasmBackendInfo> {
  const [simd, multithreading] = await Promise.all([
    env().getAsync('WASM_HAS_SIMD_SUPPORT') as Promise<boolean>,
    env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT') as Promise<boolean>,
  ]);
  const started = engine().registry['wasm'] !== undefined;
  let binary: WasmBinary = 'tfjs-backend-wasm.wasm';
  if (simd) binary = multithreading ? 'tfjs-backend-wasm-threaded-simd.wasm' : 'tfjs-backend-wasm-simd.wasm';
  return {
    simd,
    multithreading,
    binary,
    threads: started ? (strataThreads() ?? getThreadsCount()) : null,
    nativeInstructions: simd ? nativeInstructions() : null,
    kernels: STRATA_WASM_KERNELS.map((k) => k.kernelName),
  };
}

/** The size of Strata's thread pool on the started wasm backend, or null where it has none. */
function strataThreads(): number | null {
  const backend = engine().registry['wasm'];
  return backend === undefined ? null : (nativeKernels(asWasmBackend(backend, 'backendInfo'))?.threads?.size ?? null);
}
