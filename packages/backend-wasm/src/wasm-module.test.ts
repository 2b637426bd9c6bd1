import { END, I32, get } from './wasm-instructions';
import { memoryModule, perMemory, type MemoryFunction } from './wasm-module';

/** `i32.store` with alignment 2^2 and offset 0. */
const I32_STORE = [0x36, 2, 0];

/** `store(address, value)`: writes one i32 into the imported memory. */
const STORE: MemoryFunction = { name: 'store', params: [I32, I32], locals: [], body: [...get(0), ...get(1), ...I32_STORE, END] };

describe('memory modules', () => {
  it('encodes the header, the one-function type and the code section byte for byte', () => {
    const bytes = Array.from(memoryModule(STORE));
    expect(bytes.slice(0, 8)).toEqual([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    // Type section: one type, a function of (i32, i32) with no results.
    expect(bytes.slice(8, 16)).toEqual([1, 6, 1, 0x60, 2, I32, I32, 0]);
    // Code section last: one body of 10 bytes, no local groups, then the instructions.
    expect(bytes.slice(-13)).toEqual([10, 11, 1, 9, 0, 0x20, 0, 0x20, 1, 0x36, 2, 0, END]);
  });

  it('instantiates the export against the given memory, once per memory', () => {
    const store = perMemory(STORE, (run) => (address: number, value: number) => run(address, value));
    const memory = new WebAssembly.Memory({ initial: 1 });
    const fn = store(memory);
    expect(fn).not.toBeNull();
    fn!(8, 42);
    expect(new Int32Array(memory.buffer)[2]).toBe(42);
    expect(store(memory)).toBe(fn);
    expect(store(new WebAssembly.Memory({ initial: 1 }))).not.toBe(fn);
  });

  it('returns null when the platform cannot validate the module', () => {
    // 0xff is not an opcode, as a SIMD instruction is not on a platform without SIMD.
    const broken = perMemory({ ...STORE, body: [0xff, END] }, (run) => run);
    expect(broken(new WebAssembly.Memory({ initial: 1 }))).toBeNull();
  });
});
