/**
 * Worker threads that run functions of Strata's native module on the backend's shared memory (Node,
 * threaded binary only). A call hands one argument list to each thread: the calling thread runs the
 * first itself, the workers the others, and the call returns when all are done. Workers wait on an
 * `Atomics` word, so handing over work costs microseconds, not a message round trip; a worker that has
 * not finished starting yet has its share run by the calling thread.
 */
import { BackendError } from '@strata-ml/core';

/** Runs `name` once per argument list, in parallel. */
export interface ThreadPool {
  /** Threads including the calling one. */
  readonly size: number;
  run(name: string, argLists: ReadonlyArray<readonly number[]>): void;
}

// Per worker, in an Int32Array: the state, the function's index, the argument count, readiness, failure.
const [STATE, FUNCTION, ARG_COUNT, READY, FAILED] = [0, 1, 2, 3, 4];
const IDLE = 0;
const BUSY = 1;
const MAX_ARGS = 32;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, args, names } = workerData;
const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
const word = new Int32Array(control);
const values = new Float64Array(args);
Atomics.store(word, ${READY}, 1);
for (;;) {
  Atomics.wait(word, ${STATE}, ${IDLE});
  try {
    exports[names[word[${FUNCTION}]]](...values.subarray(0, word[${ARG_COUNT}]));
    word[${FAILED}] = 0;
  } catch (error) {
    word[${FAILED}] = 1;
  }
  Atomics.store(word, ${STATE}, ${IDLE});
  Atomics.notify(word, ${STATE});
}
`;

interface PoolWorker {
  readonly word: Int32Array;
  readonly values: Float64Array;
}

/**
 * A pool of `size - 1` workers instantiating `module` on `memory`, with `run` calling `own` for the
 * calling thread's share. Node only (`worker_threads`).
 */
export function createThreadPool(
  size: number,
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  own: Record<string, (...args: number[]) => unknown>,
): ThreadPool {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where threads are asked for, in Node
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const names = WebAssembly.Module.exports(module).map((e) => e.name);
  const workers: PoolWorker[] = [];
  for (let i = 1; i < size; i++) {
    const control = new SharedArrayBuffer(4 * 8);
    const args = new SharedArrayBuffer(8 * MAX_ARGS);
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control, args, names } });
    // Idle workers must not keep the process alive.
    worker.unref();
    workers.push({ word: new Int32Array(control), values: new Float64Array(args) });
  }
  return {
    size,
    run(name, argLists) {
      const index = names.indexOf(name);
      const fn = own[name];
      if (index < 0 || fn === undefined) throw new BackendError(`thread pool: the native module has no function '${name}'`);
      const started: PoolWorker[] = [];
      const mine: (readonly number[])[] = [];
      argLists.forEach((args, i) => {
        const worker = i === 0 ? undefined : workers[i - 1];
        if (worker === undefined || Atomics.load(worker.word, READY) === 0 || args.length > MAX_ARGS) {
          mine.push(args);
          return;
        }
        worker.values.set(args);
        worker.word[FUNCTION] = index;
        worker.word[ARG_COUNT] = args.length;
        Atomics.store(worker.word, STATE, BUSY);
        Atomics.notify(worker.word, STATE);
        started.push(worker);
      });
      for (const args of mine) fn(...args);
      let failed = false;
      for (const worker of started) {
        while (Atomics.load(worker.word, STATE) === BUSY) Atomics.wait(worker.word, STATE, BUSY);
        failed ||= worker.word[FAILED] === 1;
      }
      if (failed) throw new BackendError(`thread pool: '${name}' failed on a worker thread`);
    },
  };
}
