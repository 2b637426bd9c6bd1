/**
 * How many threads the wasm backend computes with. tfjs-backend-wasm 4.22 never starts its threaded binary
 * in Node; Strata does when more than one thread is asked for before the backend starts, with
 * `setThreadsCount(n)` or the environment variable `STRATA_WASM_THREADS`, and then runs its native
 * kernels on that many threads (`thread-pool.ts`). Off by default: on a machine whose cores are busy
 * with other work, threads that wait for each other lose time.
 */
import { invalidArgument } from '@strata-ml/core';
import { setThreadsCount as setStockThreadsCount } from '@tensorflow/tfjs-backend-wasm';

let requested: number | null = null;

/**
 * Sets the number of threads the wasm backend computes with (in browsers, where tfjs-backend-wasm runs
 * its threaded binary on cross-origin isolated pages, the XNNPACK thread count; in Node, Strata's own
 * threads for its native kernels). Call before the backend starts.
 */
export function setThreadsCount(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1) throw invalidArgument('setThreadsCount', 'threads', 'a positive integer', threads);
  requested = threads;
  setStockThreadsCount(threads);
}

/** Threads asked for in Node: `setThreadsCount`, else `STRATA_WASM_THREADS`, else 1. */
export function requestedThreads(): number {
  if (requested !== null) return requested;
  const fromEnv = typeof process !== 'undefined' ? process.env?.['STRATA_WASM_THREADS'] : undefined;
  if (fromEnv === undefined || fromEnv === '') return 1;
  const threads = Number(fromEnv);
  if (!Number.isInteger(threads) || threads < 1) throw invalidArgument('setBackend', 'STRATA_WASM_THREADS', 'a positive integer', fromEnv);
  return threads;
}
