/**
 * How many threads the wasm backend computes with. In Node the default is the machine's available
 * parallelism, capped at `MAX_DEFAULT_THREADS`, as PyTorch and TensorFlow default to the cores they find;
 * `setThreadsCount(n)` or the environment variable `STRATA_WASM_THREADS` (read when the backend starts)
 * decide otherwise, and `1` turns threads off. tfjs-backend-wasm 4.22 never starts its threaded binary in
 * Node; Strata does for more than one thread, and runs its native kernels on that many threads
 * (`thread-pool.ts`). In browsers tfjs-backend-wasm decides: threads only on cross-origin isolated pages.
 */
import { invalidArgument } from '@strata-ml/core';
import { setThreadsCount as setStockThreadsCount } from '@tensorflow/tfjs-backend-wasm';

/**
 * The most threads Strata starts unasked. Its kernels split a product by blocks of 4 rows and a
 * convolution by images: at batch 128 more threads get shares so small that handing them over (~10-20 µs
 * each) costs more than it saves. tfjs-backend-wasm's threaded binary prepares 8 workers too.
 */
export const MAX_DEFAULT_THREADS = 8;

let requested: number | null = null;

/**
 * Sets the number of threads the wasm backend computes with (in browsers, where tfjs-backend-wasm runs
 * its threaded binary on cross-origin isolated pages, the XNNPACK thread count; in Node, Strata's own
 * threads for its native kernels); `1` turns threads off. Call before the backend starts.
 */
export function setThreadsCount(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1) throw invalidArgument('setThreadsCount', 'threads', 'a positive integer', threads);
  requested = threads;
  setStockThreadsCount(threads);
}

/** The threads Node offers this process (`os.availableParallelism()`), capped at `MAX_DEFAULT_THREADS`; 1 elsewhere. */
export function defaultThreads(): number {
  if (typeof process === 'undefined' || typeof process.versions?.node !== 'string') return 1;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node only; browsers never reach this
  const os = require('node:os') as typeof import('node:os');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, MAX_DEFAULT_THREADS));
}

/** Threads asked for in Node: `setThreadsCount`, else `STRATA_WASM_THREADS`, else `defaultThreads()`. */
export function requestedThreads(): number {
  if (requested !== null) return requested;
  const fromEnv = typeof process !== 'undefined' ? process.env?.['STRATA_WASM_THREADS'] : undefined;
  if (fromEnv === undefined || fromEnv === '') return defaultThreads();
  const threads = Number(fromEnv);
  if (!Number.isInteger(threads) || threads < 1) throw invalidArgument('setBackend', 'STRATA_WASM_THREADS', 'a positive integer', fromEnv);
  return threads;
}
