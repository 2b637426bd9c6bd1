/**
 * Starts tfjs-backend-wasm's threaded binary in Node when more than one thread is asked for
 * (`thread-count.ts`). tfjs-backend-wasm 4.22 turns threads off in Node, and its start-up hands
 * Emscripten two scripts as `blob:` URLs — the pthread worker and the module factory the worker imports —
 * which Node's `Worker` and the worker's `importScripts` cannot load. Strata writes both scripts to a
 * temporary folder, answers the worker's `blob:` request with that file, points the worker at the
 * factory file, and lets the stock start-up run. What Strata needs from it is the shared memory: its
 * native kernels then run on worker threads of their own (`thread-pool.ts`); XNNPACK's own thread pool
 * stays at one thread in Node.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { engine, env, findBackendFactory, registerBackend, removeBackend, type KernelBackend } from '@tensorflow/tfjs-core';
import { nativeKernels } from './native-kernels';
import { requestedThreads } from './thread-count';
import { asWasmBackend } from './wasm-backend';

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** The priority tfjs-backend-wasm registers 'wasm' with. */
const WASM_PRIORITY = 2;

/** Writes the worker and factory scripts; returns the worker script's path. */
function writeThreadScripts(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the scripts are read only when threads are asked for
  const load = (file: string): unknown => require(`@tensorflow/tfjs-backend-wasm/wasm-out/${file}`);
  const { wasmWorkerContents } = load('tfjs-backend-wasm-threaded-simd.worker.js') as { wasmWorkerContents: string };
  const factory = load('tfjs-backend-wasm-threaded-simd.js') as (...args: unknown[]) => unknown;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-wasm-threads-'));
  process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  const factoryFile = path.join(folder, 'factory.js');
  const workerFile = path.join(folder, 'worker.js');
  fs.writeFileSync(factoryFile, `var WasmBackendModuleThreadedSimd = ${factory.toString()}`);
  // The worker source arrives with its "\n" escapes unescaped (tfjs escapes them again for its blob).
  const worker = wasmWorkerContents.replace(/\n/g, '\\n');
  const redirect = `;(function(){var handle=self.onmessage;self.onmessage=function(e){if(e.data&&e.data.cmd==='load'){e.data.urlOrBlob=${JSON.stringify(factoryFile)};}return handle(e);};})();`;
  fs.writeFileSync(workerFile, `${worker}\n${redirect}`);
  return workerFile;
}

/** Runs the stock start-up with threads on and the worker's `blob:` URL answered by a file. */
async function startThreaded(stockFactory: () => KernelBackend | Promise<KernelBackend>): Promise<KernelBackend> {
  const workerFile = writeThreadScripts();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (object: Blob | MediaSource) =>
    object instanceof Blob && object.type === 'application/javascript' ? workerFile : createObjectURL(object);
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  try {
    const backend = await stockFactory();
    // Start the worker threads now, so that they are ready by the first kernel.
    nativeKernels(asWasmBackend(backend, 'setBackend'));
    return backend;
  } finally {
    URL.createObjectURL = createObjectURL;
  }
}

/**
 * Re-registers 'wasm' so that, in Node, asking for threads starts the threaded binary; a backend that
 * has already started is left as it is.
 */
export function enableNodeThreads(): void {
  const stockFactory = findBackendFactory('wasm');
  if (!isNode || stockFactory === null || engine().registry['wasm'] !== undefined) return;
  removeBackend('wasm');
  registerBackend('wasm', () => (requestedThreads() > 1 ? startThreaded(stockFactory) : stockFactory()), WASM_PRIORITY);
}
