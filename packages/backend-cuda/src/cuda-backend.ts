/**
 * The `'cuda'` backend: tensors live in device memory from `write` until `disposeData`, kernels run on
 * one CUDA stream without waiting, and only `read`/`readSync` copy values back (waiting for the stream).
 * Device memory comes from a caching allocator. float32 and int32 are stored as themselves, bool as int32
 * 0/1 (so every element is 4 bytes); strings and complex numbers are not supported.
 */
import { KernelBackend, type BackendTimingInfo, type DataId, type DataType, type TensorInfo, util } from '@tensorflow/tfjs-core';
import { BackendError, formatShape } from '@strata-ml/core';
import { CachingAllocator } from './caching-allocator';
import type { CudaRuntime } from './cuda-runtime';
import type { NativeAddon, OpCodes } from './native';
import { sizeOf } from './strides';

type BackendValues = Float32Array | Int32Array | Uint8Array | Uint8Array[];

/** A tensor's device storage. */
interface DeviceTensor {
  /** Device address; 0 for an empty tensor. */
  readonly address: number;
  readonly size: number;
  readonly dtype: DataType;
  refCount: number;
}

/** Device dtype codes (native/device_api.h StrataDtype). */
export const DTYPE_F32 = 0;
export const DTYPE_I32 = 1;

const BYTES_PER_ELEMENT = 4;

/** The backend options a caller may change at run time. */
export interface CudaBackendOptions {
  /**
   * Let cuBLAS use TF32 tensor cores for float32 matmuls and convolutions: about 8× the throughput on
   * A100/H100 with a 10-bit mantissa in the products. Off by default (Keras/PyTorch default to full float32
   * for matmuls); `STRATA_CUDA_TF32=1` turns it on.
   */
  tf32: boolean;
}

/** tfjs-core's KernelBackend over the native CUDA addon. */
export class CudaBackend extends KernelBackend {
  readonly native: NativeAddon;
  readonly codes: OpCodes;
  readonly allocator: CachingAllocator;
  readonly options: CudaBackendOptions;
  private readonly tensors = new Map<DataId, DeviceTensor>();

  constructor(readonly runtime: CudaRuntime) {
    super();
    this.native = runtime.native;
    this.codes = runtime.native.opCodes;
    this.options = { tf32: process.env['STRATA_CUDA_TF32'] === '1' };
    this.allocator = new CachingAllocator({
      malloc: (bytes) => this.native.malloc('cudaMallocAsync', bytes),
      free: (address) => this.native.free('cudaFreeAsync', address),
    });
  }

  // ---- storage ----

  override write(values: BackendValues, shape: number[], dtype: DataType): DataId {
    const dataId = {};
    this.move(dataId, values, shape, dtype, 1);
    return dataId;
  }

  override move(dataId: DataId, values: BackendValues, shape: number[], dtype: DataType, refCount: number): void {
    const size = sizeOf(shape);
    const address = this.allocateElements(size, `write ${dtype}${formatShape(shape)}`, dtype);
    if (values != null && size > 0) this.native.upload(`upload ${dtype}${formatShape(shape)}`, address, toDevice(values, dtype));
    this.tensors.set(dataId, { address, size, dtype, refCount });
  }

  override readSync(dataId: DataId): BackendValues {
    const t = this.get(dataId);
    if (t.size === 0) return fromDevice(new ArrayBuffer(0), t.dtype);
    return fromDevice(this.native.download(`readSync ${t.dtype}[${t.size}]`, t.address, t.size * BYTES_PER_ELEMENT), t.dtype);
  }

  override async read(dataId: DataId): Promise<BackendValues> {
    const t = this.get(dataId);
    if (t.size === 0) return fromDevice(new ArrayBuffer(0), t.dtype);
    const buffer = await this.native.downloadAsync(`read ${t.dtype}[${t.size}]`, t.address, t.size * BYTES_PER_ELEMENT);
    return fromDevice(buffer, t.dtype);
  }

  override disposeData(dataId: DataId, force = false): boolean {
    const t = this.tensors.get(dataId);
    if (t === undefined) return true;
    if (!force) {
      t.refCount--;
      if (t.refCount > 0) return false;
    }
    if (t.address !== 0) this.allocator.release(t.address);
    this.tensors.delete(dataId);
    return true;
  }

  override refCount(dataId: DataId): number {
    return this.tensors.get(dataId)?.refCount ?? 0;
  }

  override incRef(dataId: DataId): void {
    this.get(dataId).refCount++;
  }

  override numDataIds(): number {
    return this.tensors.size;
  }

  override memory(): { unreliable: boolean; numBytesInGPU: number; numBytesInGPUAllocated: number; numBytesInGPUFree: number } {
    const s = this.allocator.stats();
    return { unreliable: false, numBytesInGPU: s.liveBytes, numBytesInGPUAllocated: s.reservedBytes, numBytesInGPUFree: s.cachedBytes };
  }

  override timerAvailable(): boolean {
    return true;
  }

  override async time(f: () => void): Promise<BackendTimingInfo> {
    const start = util.now();
    f();
    this.native.synchronize('time');
    return { kernelMs: util.now() - start };
  }

  override floatPrecision(): 32 {
    return 32;
  }

  override dispose(): void {
    this.native.synchronize('dispose');
    for (const t of this.tensors.values()) if (t.address !== 0) this.allocator.release(t.address);
    this.tensors.clear();
    this.allocator.emptyCache();
  }

  // ---- what kernels use ----

  /** The device address of a tensor's data. */
  address(t: TensorInfo): number {
    return this.get(t.dataId).address;
  }

  /** A new, uninitialised output tensor. */
  makeOutput(shape: number[], dtype: DataType): TensorInfo {
    const dataId = {};
    const size = sizeOf(shape);
    this.tensors.set(dataId, { address: this.allocateElements(size, `output ${dtype}${formatShape(shape)}`, dtype), size, dtype, refCount: 1 });
    return { dataId, shape, dtype };
  }

  /** A tensor sharing `x`'s data under another shape (Reshape and friends cost no copy). */
  share(x: TensorInfo, shape: number[]): TensorInfo {
    this.incRef(x.dataId);
    return { dataId: x.dataId, shape, dtype: x.dtype };
  }

  /** Frees an intermediate a kernel made for itself. */
  disposeIntermediate(t: TensorInfo): void {
    this.disposeData(t.dataId);
  }

  /** The context every native call carries: the kernel and its inputs' shapes. */
  context(kernel: string, ...inputs: TensorInfo[]): string {
    return `${kernel}(${inputs.map((t) => `${t.dtype}${formatShape(t.shape)}`).join(', ')})`;
  }

  /** The device dtype code of a tfjs dtype; throws for dtypes the backend does not store. */
  dtypeCode(dtype: DataType, kernel: string): number {
    if (dtype === 'float32') return DTYPE_F32;
    if (dtype === 'int32' || dtype === 'bool') return DTYPE_I32;
    throw new BackendError(`${kernel}: the cuda backend does not support dtype '${dtype}'`);
  }

  private get(dataId: DataId): DeviceTensor {
    const t = this.tensors.get(dataId);
    if (t === undefined) throw new BackendError('cuda backend: tensor data not found (it was disposed or belongs to another backend)');
    return t;
  }

  private allocateElements(size: number, what: string, dtype: DataType): number {
    this.dtypeCode(dtype, what);
    return size === 0 ? 0 : this.allocator.allocate(size * BYTES_PER_ELEMENT);
  }
}

/** Host values as the device stores them (bool as int32). */
function toDevice(values: BackendValues, dtype: DataType): Float32Array | Int32Array {
  if (dtype === 'float32') return values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
  return values instanceof Int32Array ? values : Int32Array.from(values as ArrayLike<number>);
}

/** Device bytes as tfjs-core expects them back (bool as Uint8Array). */
function fromDevice(buffer: ArrayBuffer, dtype: DataType): Float32Array | Int32Array | Uint8Array {
  if (dtype === 'float32') return new Float32Array(buffer);
  const ints = new Int32Array(buffer);
  return dtype === 'bool' ? Uint8Array.from(ints) : ints;
}
