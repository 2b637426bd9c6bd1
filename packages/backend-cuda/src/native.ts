/**
 * The N-API addon's surface as TypeScript sees it, and how it is found. Device addresses travel as
 * numbers; every call takes a context string first (the kernel and its shapes) that the addon puts in
 * front of any error it raises.
 */
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** NHWC convolution/pooling geometry (tfjs-core's Conv2DInfo, flattened). */
export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  filterH: number;
  filterW: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  padTop: number;
  padLeft: number;
}

/** The addon's op-code tables, by the names in native/op_codes.h. */
export interface OpCodes {
  unary: Record<string, number>;
  binary: Record<string, number>;
  reduce: Record<string, number>;
  arg: Record<string, number>;
  activation: Record<string, number>;
  random: Record<string, number>;
}

/** A cuBLAS load attempt: the path and dlerror's text (empty when it loaded). */
export interface NativeLoadAttempt {
  path: string;
  error: string;
}

/** Every function the addon exports. Addresses are device pointers as numbers; n counts elements. */
export interface NativeAddon {
  deviceCount(ctx: string): number;
  versions(ctx: string): { driver: number; runtime: number };
  init(ctx: string, device: number): { name: string; computeCapability: string; totalBytes: number; multiprocessors: number };
  memInfo(ctx: string): { freeBytes: number; totalBytes: number };
  malloc(ctx: string, bytes: number): number;
  free(ctx: string, address: number): void;
  upload(ctx: string, address: number, data: ArrayBufferView): void;
  download(ctx: string, address: number, bytes: number): ArrayBuffer;
  downloadAsync(ctx: string, address: number, bytes: number): Promise<ArrayBuffer>;
  copyDevice(ctx: string, dst: number, src: number, bytes: number): void;
  memset(ctx: string, address: number, value: number, bytes: number): void;
  synchronize(ctx: string): void;
  loadCublas(ctx: string, paths: string[]): { loaded: string | null; tried: NativeLoadAttempt[] };
  cublasVersion(ctx: string): number;
  gemm(
    ctx: string,
    transA: number,
    transB: number,
    m: number,
    n: number,
    k: number,
    a: number,
    lda: number,
    strideA: number,
    b: number,
    ldb: number,
    strideB: number,
    c: number,
    ldc: number,
    strideC: number,
    batch: number,
    tf32: number,
    alpha: number,
    beta: number,
  ): void;
  fill(ctx: string, dtype: number, y: number, n: number, value: number): void;
  unary(ctx: string, op: number, dtype: number, x: number, y: number, n: number, alpha: number, beta: number): void;
  binary(
    ctx: string,
    op: number,
    inDtype: number,
    outDtype: number,
    a: number,
    b: number,
    y: number,
    n: number,
    outShape: number[] | null,
    aStrides: number[] | null,
    bStrides: number[] | null,
  ): void;
  addN(ctx: string, inputs: number[], y: number, n: number): void;
  cast(ctx: string, fromDtype: number, toDtype: number, toBool: number, x: number, y: number, n: number): void;
  biasActivation(ctx: string, activation: number, x: number, bias: number, y: number, rows: number, cols: number, alpha: number): void;
  reduce(ctx: string, op: number, dtype: number, x: number, y: number, outer: number, reduce: number, inner: number): void;
  argReduce(ctx: string, op: number, dtype: number, x: number, y: number, outer: number, reduce: number, inner: number): void;
  softmax(ctx: string, logits: number, y: number, rows: number, cols: number): void;
  stridedCopy(
    ctx: string,
    src: number,
    dst: number,
    shape: number[],
    srcStrides: number[],
    srcOffset: number,
    dstStrides: number[],
    dstOffset: number,
  ): void;
  tile(ctx: string, x: number, y: number, inShape: number[], outShape: number[]): void;
  pad(ctx: string, dtype: number, x: number, y: number, inShape: number[], outShape: number[], before: number[], value: number): void;
  gather(ctx: string, x: number, indices: number, y: number, outer: number, axisDim: number, inner: number, count: number): void;
  segmentSum(ctx: string, x: number, segmentIds: number, y: number, rows: number, inner: number, numSegments: number): void;
  oneHot(ctx: string, indices: number, y: number, count: number, depth: number, on: number, off: number): void;
  select(ctx: string, condition: number, t: number, e: number, y: number, n: number): void;
  im2col(ctx: string, x: number, cols: number, g: ConvGeometry): void;
  col2im(ctx: string, cols: number, dx: number, g: ConvGeometry): void;
  maxPool(ctx: string, x: number, y: number, g: ConvGeometry): void;
  maxPoolGrad(ctx: string, dy: number, x: number, dx: number, g: ConvGeometry): void;
  avgPool(ctx: string, x: number, y: number, g: ConvGeometry): void;
  avgPoolGrad(ctx: string, dy: number, dx: number, g: ConvGeometry): void;
  random(ctx: string, distribution: number, y: number, n: number, seed: number, a: number, b: number): void;
  applyAdam(
    ctx: string,
    v: number,
    m: number,
    s: number,
    g: number,
    newVar: number,
    newM: number,
    newV: number,
    n: number,
    lr: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    beta1Power: number,
    beta2Power: number,
  ): void;
  applySgd(ctx: string, v: number, velocity: number, g: number, newVar: number, newVelocity: number, n: number, lr: number, momentum: number, nesterov: number): void;
  applyRmsprop(
    ctx: string,
    v: number,
    ms: number,
    mom: number,
    mg: number,
    g: number,
    newVar: number,
    newMs: number,
    newMom: number,
    newMg: number,
    n: number,
    lr: number,
    rho: number,
    momentum: number,
    epsilon: number,
    centered: number,
  ): void;
  opCodes: OpCodes;
}

/** The environment variable that points at a built addon elsewhere (the GPU check's bundle uses it). */
export const ADDON_PATH_ENV = 'STRATA_CUDA_ADDON';

/** The package folder: this file sits in src/ (tests, tsx) or dist/ (built), one level below it. */
const packageRoot = path.resolve(__dirname, '..');

/** Where the build leaves the addon, and where the build records why it did not build one. */
export const ADDON_PATH = path.join(packageRoot, 'build', 'Release', 'strata_cuda.node');
export const SKIP_REASON_PATH = path.join(packageRoot, 'build', 'addon-skipped.txt');

/** The addon file to load: `$STRATA_CUDA_ADDON` or the package's build folder. */
export function addonPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env[ADDON_PATH_ENV] || ADDON_PATH;
}

/** Why the build skipped the addon, if it recorded a reason. */
export function buildSkipReason(): string | null {
  try {
    return fs.readFileSync(SKIP_REASON_PATH, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** Loads the addon from `file` (throws the loader's error, e.g. a missing libcudart.so.13). */
export function loadNativeAddon(file: string): NativeAddon {
  return createRequire(__filename)(file) as NativeAddon;
}
