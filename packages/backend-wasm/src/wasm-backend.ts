/**
 * Typed access to the parts of tfjs-backend-wasm's `BackendWasm` that Strata's kernels use: tensor ids and
 * heap offsets, output allocation, the module's exported C functions, and views into existing buffers.
 */
import type { DataType, TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError } from '@strata-ml/core';

/** What `BackendWasm` keeps per tensor. */
interface TensorData {
  readonly id: number;
  readonly memoryOffset: number;
  readonly shape: number[];
  readonly dtype: DataType;
}

/** The Emscripten module behind the backend, reduced to what the kernels call. */
export interface WasmModule {
  cwrap(name: string, returnType: null | 'number', argTypes: ReadonlyArray<'number' | 'array'>): (...args: unknown[]) => unknown;
  readonly HEAPF32: Float32Array;
  readonly HEAP32: Int32Array;
  /** The module's exports; `memory` is its heap, except in the threaded binary, which imports it. */
  readonly asm: { readonly memory?: WebAssembly.Memory };
  /** The heap of the threaded binary (shared between threads). */
  readonly wasmMemory?: WebAssembly.Memory;
  readonly tfjs: {
    registerTensor(id: number, size: number, memoryOffset: number): void;
    disposeData(id: number): void;
    getThreadsCount(): number;
  };
}

/** The `BackendWasm` surface the kernels rely on. */
export interface WasmBackend {
  readonly wasm: WasmModule;
  readonly dataIdMap: { get(dataId: object): TensorData | undefined; delete(dataId: object): boolean };
  makeOutput(shape: number[], dtype: DataType, memoryOffset?: number): TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
  /** Adds a reference to a buffer, so that a second tensor can share it (as Reshape does). */
  incRef(dataId: object): void;
}

/** Narrows a kernel's `backend` argument, failing loudly if it is not tfjs-backend-wasm's backend. */
export function asWasmBackend(backend: unknown, kernelName: string): WasmBackend {
  const b = backend as Partial<WasmBackend> | null;
  if (b === null || typeof b !== 'object' || b.dataIdMap === undefined || typeof b.wasm?.cwrap !== 'function') {
    throw new BackendError(`${kernelName}: expected the 'wasm' backend; received ${String(backend)}`);
  }
  return b as WasmBackend;
}

function dataOf(backend: WasmBackend, t: TensorInfo): TensorData {
  const data = backend.dataIdMap.get(t.dataId);
  if (data === undefined) throw new BackendError(`wasm backend: tensor of shape [${t.shape.join(', ')}] has no data (disposed?)`);
  return data;
}

/** The backend module's memory, where all tensors live. */
export function backendMemory(backend: WasmBackend): WebAssembly.Memory {
  const memory = backend.wasm.asm.memory ?? backend.wasm.wasmMemory;
  if (memory === undefined) throw new BackendError('wasm backend: the module exposes no memory');
  return memory;
}

/** Whether `memory` is shared between threads (a module must declare that in its import). */
export function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

/** The id under which the C++ side knows `t`. */
export function tensorId(backend: WasmBackend, t: TensorInfo): number {
  return dataOf(backend, t).id;
}

/** Byte offset of `t`'s data in the module's memory. */
export function memoryOffset(backend: WasmBackend, t: TensorInfo): number {
  return dataOf(backend, t).memoryOffset;
}

/** A float32 view of `t`'s data on the wasm heap (re-read after any allocation: the heap may have grown). */
export function f32(backend: WasmBackend, t: TensorInfo): Float32Array {
  const { memoryOffset } = dataOf(backend, t);
  const size = t.shape.reduce((p, d) => p * d, 1);
  return new Float32Array(backend.wasm.HEAPF32.buffer, memoryOffset, size);
}

/** An int32 view of `t`'s data on the wasm heap. */
export function i32(backend: WasmBackend, t: TensorInfo): Int32Array {
  const { memoryOffset } = dataOf(backend, t);
  const size = t.shape.reduce((p, d) => p * d, 1);
  return new Int32Array(backend.wasm.HEAP32.buffer, memoryOffset, size);
}

/**
 * Registers a tensor id that aliases `elements` float32 values of `base` starting at element `offset`, so
 * that the module's functions can read or write one matrix of a batch in place. Release it with
 * `releaseView`, never with `disposeData` (that would free the base tensor's memory).
 */
export function makeView(backend: WasmBackend, base: TensorInfo, offset: number, shape: number[]): TensorInfo {
  const { memoryOffset } = dataOf(backend, base);
  return backend.makeOutput(shape, 'float32', memoryOffset + 4 * offset);
}

/** Forgets a view made by `makeView` (its memory belongs to the base tensor). */
export function releaseView(backend: WasmBackend, view: TensorInfo): void {
  backend.wasm.tfjs.disposeData(dataOf(backend, view).id);
  backend.dataIdMap.delete(view.dataId);
}

const wrapped = new WeakMap<WasmModule, Map<string, (...args: unknown[]) => unknown>>();

/**
 * `cwrap`s an exported C function once per module. Kernels wrap lazily instead of in a `setupFunc`, so
 * they work even when registered after the backend was initialised.
 */
export function cFunction(
  backend: WasmBackend,
  name: string,
  argTypes: ReadonlyArray<'number' | 'array'>,
): (...args: unknown[]) => unknown {
  let byName = wrapped.get(backend.wasm);
  if (byName === undefined) {
    byName = new Map();
    wrapped.set(backend.wasm, byName);
  }
  let fn = byName.get(name);
  if (fn === undefined) {
    fn = backend.wasm.cwrap(name, null, argTypes);
    byName.set(name, fn);
  }
  return fn;
}

/** Shape as the bytes of an Int32Array, the form the module's functions take shapes in. */
export function shapeBytes(shape: readonly number[]): Uint8Array {
  return new Uint8Array(new Int32Array(shape).buffer);
}
