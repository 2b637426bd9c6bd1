/**
 * A caching allocator for device memory. cudaMalloc and cudaFree are slow and synchronising, and a
 * training step frees and re-requests the same sizes every time, so freed blocks are kept in per-size
 * free lists and handed out again. All work runs on one stream, so a block freed after its last use was
 * enqueued can be reused at once: later kernels on the stream run after the earlier ones.
 */

/** The raw device calls the allocator sits on. */
export interface DeviceMemory {
  /** Allocates `bytes` on the device; throws when the device is out of memory. */
  malloc(bytes: number): number;
  free(address: number): void;
}

/** Counters for `memory()` and for tests. */
export interface AllocatorStats {
  /** Bytes in blocks handed out and not yet freed (rounded sizes). */
  readonly liveBytes: number;
  /** Bytes in freed blocks kept for reuse. */
  readonly cachedBytes: number;
  /** Every byte held from the device: live + cached. */
  readonly reservedBytes: number;
  /** Blocks handed out and not yet freed. */
  readonly liveBlocks: number;
  /** Calls that reached the device's malloc. */
  readonly deviceMallocs: number;
  /** Requests served from the cache. */
  readonly cacheHits: number;
}

const SMALL_BLOCK = 512;
const LARGE_BLOCK = 1 << 20;

/**
 * The size a request is served with: multiples of 512 B up to 1 MiB, then multiples of 1 MiB, so that
 * near sizes share free lists without wasting more than one granule.
 */
export function roundedSize(bytes: number): number {
  const granule = bytes <= LARGE_BLOCK ? SMALL_BLOCK : LARGE_BLOCK;
  return Math.max(granule, Math.ceil(bytes / granule) * granule);
}

/** A per-size free-list allocator over a `DeviceMemory`. */
export class CachingAllocator {
  private readonly freeLists = new Map<number, number[]>();
  private readonly liveSizes = new Map<number, number>();
  private live = 0;
  private cached = 0;
  private mallocs = 0;
  private hits = 0;

  constructor(private readonly device: DeviceMemory) {}

  /** A block of at least `bytes` bytes. On device out-of-memory, releases the cache and tries once more. */
  allocate(bytes: number): number {
    const size = roundedSize(bytes);
    const list = this.freeLists.get(size);
    let address = list?.pop();
    if (address !== undefined) {
      this.cached -= size;
      this.hits++;
    } else {
      address = this.deviceMalloc(size);
    }
    this.liveSizes.set(address, size);
    this.live += size;
    return address;
  }

  /** Returns a block to the cache. */
  release(address: number): void {
    const size = this.liveSizes.get(address);
    if (size === undefined) {
      throw new Error(`CachingAllocator.release: address ${address} is not a live block of this allocator`);
    }
    this.liveSizes.delete(address);
    this.live -= size;
    this.cached += size;
    const list = this.freeLists.get(size);
    if (list) list.push(address);
    else this.freeLists.set(size, [address]);
  }

  /** Gives every cached block back to the device. */
  emptyCache(): void {
    for (const list of this.freeLists.values()) for (const address of list) this.device.free(address);
    this.freeLists.clear();
    this.cached = 0;
  }

  /** The allocator's counters. */
  stats(): AllocatorStats {
    return {
      liveBytes: this.live,
      cachedBytes: this.cached,
      reservedBytes: this.live + this.cached,
      liveBlocks: this.liveSizes.size,
      deviceMallocs: this.mallocs,
      cacheHits: this.hits,
    };
  }

  private deviceMalloc(size: number): number {
    this.mallocs++;
    try {
      return this.device.malloc(size);
    } catch (err) {
      if (this.cached === 0) throw err;
      this.emptyCache();
      return this.device.malloc(size);
    }
  }
}
