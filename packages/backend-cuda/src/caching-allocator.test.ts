import { CachingAllocator, roundedSize, type DeviceMemory } from './caching-allocator';

/** A device with `capacity` bytes that records its calls. */
function fakeDevice(capacity = Infinity): DeviceMemory & { calls: string[]; used: number } {
  let next = 4096;
  const sizes = new Map<number, number>();
  const device = {
    calls: [] as string[],
    used: 0,
    malloc(bytes: number): number {
      if (device.used + bytes > capacity) throw new Error('cudaErrorMemoryAllocation');
      const address = next;
      next += bytes;
      sizes.set(address, bytes);
      device.used += bytes;
      device.calls.push(`malloc ${bytes}`);
      return address;
    },
    free(address: number): void {
      device.used -= sizes.get(address) ?? 0;
      device.calls.push(`free ${address}`);
    },
  };
  return device;
}

describe('roundedSize', () => {
  it('rounds to 512 B up to 1 MiB and to 1 MiB above', () => {
    expect(roundedSize(0)).toBe(512);
    expect(roundedSize(1)).toBe(512);
    expect(roundedSize(513)).toBe(1024);
    expect(roundedSize(1 << 20)).toBe(1 << 20);
    expect(roundedSize((1 << 20) + 1)).toBe(2 << 20);
  });
});

describe('CachingAllocator', () => {
  it('reuses a freed block of the same rounded size without calling the device', () => {
    const device = fakeDevice();
    const allocator = new CachingAllocator(device);
    const a = allocator.allocate(1000);
    allocator.release(a);
    const b = allocator.allocate(900);
    expect(b).toBe(a);
    expect(device.calls).toEqual(['malloc 1024']);
    expect(allocator.stats()).toEqual({
      liveBytes: 1024,
      cachedBytes: 0,
      reservedBytes: 1024,
      liveBlocks: 1,
      deviceMallocs: 1,
      cacheHits: 1,
    });
  });

  it('keeps live and cached bytes apart and gives the cache back on emptyCache', () => {
    const device = fakeDevice();
    const allocator = new CachingAllocator(device);
    const a = allocator.allocate(512);
    const b = allocator.allocate(3 << 20);
    allocator.release(b);
    expect(allocator.stats().liveBytes).toBe(512);
    expect(allocator.stats().cachedBytes).toBe(3 << 20);
    allocator.emptyCache();
    expect(device.calls).toEqual(['malloc 512', `malloc ${3 << 20}`, `free ${b}`]);
    expect(allocator.stats().reservedBytes).toBe(512);
    allocator.release(a);
    expect(allocator.stats().liveBlocks).toBe(0);
  });

  it('empties the cache and retries once when the device runs out of memory', () => {
    const device = fakeDevice(4096);
    const allocator = new CachingAllocator(device);
    allocator.release(allocator.allocate(3072));
    const big = allocator.allocate(2048);
    expect(device.calls).toEqual(['malloc 3072', 'free 4096', 'malloc 2048']);
    expect(allocator.stats()).toMatchObject({ liveBytes: 2048, cachedBytes: 0 });
    allocator.release(big);
    allocator.allocate(2048);
    expect(() => allocator.allocate(4096)).toThrow('cudaErrorMemoryAllocation');
  });

  it('rejects releasing an address it did not hand out', () => {
    const allocator = new CachingAllocator(fakeDevice());
    const a = allocator.allocate(8);
    allocator.release(a);
    expect(() => allocator.release(a)).toThrow(`CachingAllocator.release: address ${a} is not a live block of this allocator`);
  });
});
