import { CudaBackend } from './cuda-backend';
import type { CudaRuntime } from './cuda-runtime';
import type { NativeAddon } from './native';

/** Device memory as host ArrayBuffers, enough to check the backend's storage bookkeeping without a GPU. */
function hostMemoryAddon() {
  const blocks = new Map<number, ArrayBuffer>();
  let next = 1 << 20;
  const calls: string[] = [];
  const native = {
    opCodes: { unary: {}, binary: {}, reduce: {}, arg: {}, activation: {}, random: {} },
    malloc: (_ctx: string, bytes: number) => {
      const address = next;
      next += bytes;
      blocks.set(address, new ArrayBuffer(bytes));
      calls.push(`malloc ${bytes}`);
      return address;
    },
    free: (_ctx: string, address: number) => {
      blocks.delete(address);
      calls.push(`free ${address}`);
    },
    upload: (_ctx: string, address: number, data: ArrayBufferView) => {
      new Uint8Array(blocks.get(address) as ArrayBuffer).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    },
    download: (_ctx: string, address: number, bytes: number) => (blocks.get(address) as ArrayBuffer).slice(0, bytes),
    downloadAsync: async (_ctx: string, address: number, bytes: number) => (blocks.get(address) as ArrayBuffer).slice(0, bytes),
    synchronize: () => calls.push('synchronize'),
  };
  const runtime = { native: native as unknown as NativeAddon, device: { name: 'host', computeCapability: '0.0', totalBytes: 0, multiprocessors: 0 }, driverVersion: 0, runtimeVersion: 0, cublasPath: '' } as CudaRuntime;
  return { backend: new CudaBackend(runtime), calls, blocks };
}

describe('CudaBackend storage', () => {
  it('round-trips float32, int32 and bool (bool stored as int32, read back as Uint8Array)', async () => {
    const { backend } = hostMemoryAddon();
    const f = backend.write(new Float32Array([1.5, -2, 3.25]), [3], 'float32');
    const i = backend.write(new Int32Array([7, -8]), [2], 'int32');
    const b = backend.write(new Uint8Array([1, 0, 1]), [3], 'bool');
    expect(backend.readSync(f)).toEqual(new Float32Array([1.5, -2, 3.25]));
    expect(await backend.read(i)).toEqual(new Int32Array([7, -8]));
    expect(backend.readSync(b)).toEqual(new Uint8Array([1, 0, 1]));
    expect(backend.numDataIds()).toBe(3);
  });

  it('frees device memory into the cache when the last reference goes and reports bytes in memory()', () => {
    const { backend } = hostMemoryAddon();
    const a = backend.write(new Float32Array(256), [256], 'float32');
    backend.incRef(a);
    expect(backend.memory()).toEqual({ unreliable: false, numBytesInGPU: 1024, numBytesInGPUAllocated: 1024, numBytesInGPUFree: 0 });
    expect(backend.disposeData(a)).toBe(false);
    expect(backend.refCount(a)).toBe(1);
    expect(backend.disposeData(a)).toBe(true);
    expect(backend.memory()).toEqual({ unreliable: false, numBytesInGPU: 0, numBytesInGPUAllocated: 1024, numBytesInGPUFree: 1024 });
    expect(backend.numDataIds()).toBe(0);
  });

  it('reuses a freed block for the next tensor of the same size', () => {
    const { backend, calls } = hostMemoryAddon();
    backend.disposeData(backend.write(new Float32Array(10), [10], 'float32'));
    const b = backend.write(new Float32Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), [10], 'float32');
    expect(calls.filter((c) => c.startsWith('malloc'))).toEqual(['malloc 512']);
    expect(backend.readSync(b)[9]).toBe(10);
  });

  it('stores empty tensors without device memory and rejects strings by name', () => {
    const { backend, calls } = hostMemoryAddon();
    const e = backend.write(new Float32Array(0), [0, 3], 'float32');
    expect(backend.readSync(e)).toEqual(new Float32Array(0));
    expect(calls).toEqual([]);
    expect(() => backend.write([new Uint8Array([104])], [1], 'string')).toThrow("write string[1]: the cuda backend does not support dtype 'string'");
  });

  it('names the kernel and shapes in the context it passes to native calls', () => {
    const { backend } = hostMemoryAddon();
    expect(backend.context('Conv2D', { dataId: {}, shape: [128, 28, 28, 1], dtype: 'float32' }, { dataId: {}, shape: [3, 3, 1, 64], dtype: 'float32' })).toBe(
      'Conv2D(float32[128, 28, 28, 1], float32[3, 3, 1, 64])',
    );
  });

  it('waits for the stream on dispose and gives every block back', () => {
    const { backend, calls } = hostMemoryAddon();
    const a = backend.write(new Float32Array(4), [4], 'float32');
    backend.dispose();
    expect(calls).toEqual(['malloc 512', 'synchronize', `free ${1 << 20}`]);
    expect(backend.refCount(a)).toBe(0);
  });
});
