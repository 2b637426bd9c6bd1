/**
 * Builds and instantiates the one-function WebAssembly modules of `simd-*.ts`: each imports the backend's
 * memory as `env.memory` and exports a single function working on byte offsets into it.
 */
import { leb, name, section } from './wasm-encoding';

/** The one exported function of a module; its results are empty, it writes into the memory. */
export interface MemoryFunction {
  /** The export name. */
  readonly name: string;
  /** The parameter value types, in order. */
  readonly params: readonly number[];
  /** The local declarations after the parameters, as `[count, value type]` groups. */
  readonly locals: ReadonlyArray<readonly [number, number]>;
  /** The instructions, ending with the function's `end`. */
  readonly body: readonly number[];
}

/** Pages of the largest memory a shared import accepts (4 GiB, the wasm32 limit). */
const MAX_PAGES = 65536;

/**
 * The binary module: one function type, the memory import, the function, its export and its code. A
 * `shared` module imports a shared memory (that of tfjs-backend-wasm's threaded binary).
 */
export function memoryModule(fn: MemoryFunction, shared = false): Uint8Array<ArrayBuffer> {
  const code = [...leb(fn.locals.length), ...fn.locals.flatMap(([count, type]) => [...leb(count), type]), ...fn.body];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, ...leb(fn.params.length), ...fn.params, 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, ...(shared ? [0x03, 0x00, ...leb(MAX_PAGES)] : [0x00, 0x00])]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name(fn.name), 0x00, 0]),
    ...section(10, [1, ...leb(code.length), ...code]),
  ]);
}

/**
 * A function that instantiates `fn` once per memory and hands its export to `bind`, which wraps it for
 * callers; it returns null where the platform cannot validate the module (no WebAssembly SIMD).
 */
export function perMemory<F>(fn: MemoryFunction, bind: (run: (...args: number[]) => void, memory: WebAssembly.Memory) => F): (memory: WebAssembly.Memory) => F | null {
  const instances = new WeakMap<WebAssembly.Memory, F | null>();
  return (memory) => {
    const known = instances.get(memory);
    if (known !== undefined) return known;
    let bound: F | null = null;
    const bytes = memoryModule(fn, isShared(memory));
    if (WebAssembly.validate(bytes)) {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
      bound = bind(instance.exports[fn.name] as (...args: number[]) => void, memory);
    }
    instances.set(memory, bound);
    return bound;
  };
}

/** Whether `memory` is shared between threads (a module must declare that in its import). */
export function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}
