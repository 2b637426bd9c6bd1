/**
 * Batched matrix product on XNNPACK's fully-connected path for every transpose combination and every
 * batch layout. tfjs-backend-wasm 4.22 sends anything but an untransposed, unbatched product to a scalar
 * triple loop (about 1-4 GFLOP/s against ~45); here transposed operands are transposed physically first
 * (O(n²) extra for O(n³) work) and batches run matrix by matrix through views into the batch buffers.
 * Only batches of tiny matrices stay in the module's loop, where XNNPACK's per-matrix setup costs more.
 */
import { broadcast_util, util } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { ShapeError, formatShape, invalidArgument } from '@strata-ml/core';
import { transposeMatrices } from './transpose-matrices';
import { applyActivation } from './apply-activation';
import { GEMM_ACTIVATIONS, nativeKernels, type NativeKernels } from './native-kernels';
import { cFunction, f32, makeView, memoryOffset, releaseView, shapeBytes, tensorId, type WasmBackend } from './wasm-backend';

/** Activation codes of the module's fused matmul (its `FusableActivation` enum). */
export const FUSABLE_ACTIVATIONS = { linear: 0, relu: 1, relu6: 2, prelu: 3, leakyrelu: 4, sigmoid: 5, elu: 6 } as const;

/** An activation name the module can apply inside the matmul. */
export type FusableActivationName = keyof typeof FUSABLE_ACTIVATIONS;

/** What is applied to each product in the same pass: bias (length N), then an activation. */
export interface MatMulEpilogue {
  /** A float32 bias holding exactly N values. */
  readonly bias?: TensorInfo;
  readonly activation: FusableActivationName;
  /** The PReLU slopes (their size divides M*N, repeating along the output). */
  readonly prelu?: TensorInfo;
  readonly leakyreluAlpha: number;
}

const LINEAR: MatMulEpilogue = { activation: 'linear', leakyreluAlpha: 0 };

/**
 * Which code computes a product: Strata's `gemm` (`native/gemm.c`), or XNNPACK through the backend's
 * module, which remains for platforms without WebAssembly SIMD, where the native module cannot load.
 */
export type MatMulEngine = 'native' | 'xnnpack';

let preferredEngine: MatMulEngine = 'native';

/**
 * Chooses the engine of every later product ('native' by default; XNNPACK is used anyway where the native
 * module cannot load). XNNPACK keeps the packed right operand of a product cached while that tensor lives,
 * which can pay for inference with fixed weights; in training every weight is a new tensor after each step.
 */
export function useMatMulEngine(engine: MatMulEngine): void {
  if (engine !== 'native' && engine !== 'xnnpack') throw invalidArgument('useMatMulEngine', 'engine', "'native' or 'xnnpack'", engine);
  preferredEngine = engine;
}

/** The operands of a product as the kernels receive them. */
export interface MatMulOperands {
  readonly a: TensorInfo;
  readonly b: TensorInfo;
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

/** Shapes of a product: batch shapes, their broadcast, and the matrix sizes. */
export interface MatMulShape {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly batchShapeA: number[];
  readonly batchShapeB: number[];
  /** Broadcast of the two batch shapes: the output is `[...outBatchShape, m, n]`. */
  readonly outBatchShape: number[];
}

/** Reads and checks the shapes of `a·b` (with transposes); throws naming both shapes when they disagree. */
export function matMulShape(kernelName: string, { a, b, transposeA, transposeB }: MatMulOperands): MatMulShape {
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (ra < 2 || rb < 2) {
    throw invalidArgument(kernelName, 'a, b', 'tensors of rank >= 2', `shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  }
  const m = (transposeA ? a.shape[ra - 1] : a.shape[ra - 2]) as number;
  const k = (transposeA ? a.shape[ra - 2] : a.shape[ra - 1]) as number;
  const kb = (transposeB ? b.shape[rb - 1] : b.shape[rb - 2]) as number;
  const n = (transposeB ? b.shape[rb - 2] : b.shape[rb - 1]) as number;
  if (k !== kb) {
    throw new ShapeError(
      `${kernelName}: inner dimensions of a and b must match; received a shape ${formatShape(a.shape)} and ` +
        `b shape ${formatShape(b.shape)} with transposeA=${transposeA}, transposeB=${transposeB} (${k} vs ${kb})`,
    );
  }
  const batchShapeA = a.shape.slice(0, -2);
  const batchShapeB = b.shape.slice(0, -2);
  const outBatchShape = broadcast_util.assertAndGetBroadcastShape(batchShapeA, batchShapeB);
  return { m, k, n, batchShapeA, batchShapeB, outBatchShape };
}

/** For each output batch index, the batch index of an operand with batch shape `shape` (broadcast rules). */
function batchIndexMap(shape: number[], outShape: number[]): Int32Array {
  const total = util.sizeFromShape(outShape);
  const map = new Int32Array(total);
  if (util.sizeFromShape(shape) === 1) return map;
  const offset = outShape.length - shape.length;
  const strides = util.computeStrides(shape);
  const outStrides = util.computeStrides(outShape);
  for (let i = 0; i < total; i++) {
    let rest = i;
    let index = 0;
    for (let d = 0; d < outShape.length; d++) {
      const stride = outStrides[d] ?? 1;
      const coord = Math.floor(rest / stride);
      rest -= coord * stride;
      const sd = d - offset;
      if (sd >= 0 && (shape[sd] as number) !== 1) index += coord * (strides[sd] ?? 1);
    }
    map[i] = index;
  }
  return map;
}

/**
 * Below this many multiply-adds per matrix, a batch of products runs faster in the module's own loop than
 * through XNNPACK, whose operator setup costs ~2-3 µs per matrix (measured: 64 products of 8x8x8 take
 * 71 µs in the loop and 223 µs through XNNPACK; 64 of 16x32x16 take 346 µs and 267 µs).
 */
const SMALL_PRODUCT = 8192;

/** Whether this is a batch of small products with the same batch on both sides and no epilogue. */
function isSmallBatch(shape: MatMulShape, epilogue: MatMulEpilogue): boolean {
  const batch = util.sizeFromShape(shape.outBatchShape);
  return (
    batch > 1 &&
    util.sizeFromShape(shape.batchShapeA) === batch &&
    util.sizeFromShape(shape.batchShapeB) === batch &&
    shape.m * shape.k * shape.n < SMALL_PRODUCT &&
    epilogue.bias === undefined &&
    epilogue.activation === 'linear'
  );
}

/**
 * A batch of small products, same batch on both sides, in the module's scalar loop (which reads transposed
 * operands in place), into a new tensor.
 */
function smallBatchMatMul(backend: WasmBackend, operands: MatMulOperands, shape: MatMulShape): TensorInfo {
  const { m, k, n } = shape;
  const batch = util.sizeFromShape(shape.outBatchShape);
  const out = backend.makeOutput([...shape.outBatchShape, m, n], 'float32');
  const loop = cFunction(backend, 'BatchMatMul', ['number', 'array', 'number', 'number', 'array', 'number', 'number', 'number', 'number']);
  const aShape = operands.transposeA ? [batch, k, m] : [batch, m, k];
  const bShape = operands.transposeB ? [batch, n, k] : [batch, k, n];
  loop(
    tensorId(backend, operands.a), shapeBytes(aShape), 3, tensorId(backend, operands.b), shapeBytes(bShape), 3,
    operands.transposeA, operands.transposeB, tensorId(backend, out),
  );
  return out;
}

/** Nanoseconds per float of a physical transpose (SIMD) and of XNNPACK packing a new right operand (measured). */
const TRANSPOSE_COST = 0.1;
const PACK_COST = 2.2;

/**
 * Whether to compute the transposed product `(b'·a')ᵀ` instead, where the operands swap roles and their
 * transposes flip. XNNPACK packs its right operand (~2.2 ns per element) whenever it is a new tensor, so
 * the cheaper plan transposes and packs the smaller operand: e.g. a filter gradient `patchesᵀ · dy` with
 * 9 patch columns and 86,528 rows packs 0.8 M floats swapped instead of 2.8 M. Both operands are costed as
 * new tensors. An untransposed product is never swapped (its b may be weights XNNPACK keeps packed);
 * batches must match, and nothing but a pointwise activation may follow, as bias and PReLU slopes run
 * along rows.
 */
function shouldSwap(operands: MatMulOperands, shape: MatMulShape, epilogue: MatMulEpilogue): boolean {
  const { transposeA, transposeB } = operands;
  if ((!transposeA && !transposeB) || epilogue.bias !== undefined || epilogue.activation === 'prelu') return false;
  if (util.sizeFromShape(shape.batchShapeA) !== util.sizeFromShape(shape.batchShapeB)) return false;
  const { m, k, n } = shape;
  const direct = (transposeA ? TRANSPOSE_COST * m * k : 0) + (transposeB ? TRANSPOSE_COST * n * k : 0) + PACK_COST * n * k;
  const swapped = (transposeB ? 0 : TRANSPOSE_COST * n * k) + (transposeA ? 0 : TRANSPOSE_COST * m * k) + PACK_COST * m * k + TRANSPOSE_COST * m * n;
  return swapped < direct;
}

/** Multiply-adds below which a product stays on one thread (handing work to a thread costs ~10-20 µs). */
const PARALLEL_MIN_MACS = 1 << 19;

/**
 * `epilogue(a·b)` with Strata's `gemm`, matrix by matrix, reading transposed operands in place through
 * their strides. Bias, ReLU and ReLU6 apply inside the product; other activations after it.
 */
function nativeBatchMatMul(
  backend: WasmBackend,
  native: NativeKernels,
  operands: MatMulOperands,
  shape: MatMulShape,
  epilogue: MatMulEpilogue,
): TensorInfo {
  const { m, k, n, batchShapeA, batchShapeB, outBatchShape } = shape;
  const { transposeA, transposeB } = operands;
  const batchA = util.sizeFromShape(batchShapeA);
  const batchB = util.sizeFromShape(batchShapeB);
  const batchOut = util.sizeFromShape(outBatchShape);
  const out = backend.makeOutput([...outBatchShape, m, n], 'float32');
  if (batchOut * m * n === 0) return out;
  const inGemm = epilogue.activation in GEMM_ACTIVATIONS ? (epilogue.activation as keyof typeof GEMM_ACTIVATIONS) : 'linear';
  // Scratch first (one block per thread): allocating may grow the memory, never move tensors.
  const threads = native.threads;
  const scratchBytes = 16 * Math.ceil(native.exports.gemm_scratch_floats(n) / 4);
  const scratch = native.scratch(scratchBytes * (threads?.size ?? 1));
  const a = memoryOffset(backend, operands.a);
  const b = memoryOffset(backend, operands.b);
  const c = memoryOffset(backend, out);
  const bias = epilogue.bias === undefined ? 0 : memoryOffset(backend, epilogue.bias);
  const [aRowStride, aColStride] = transposeA ? [1, m] : [k, 1];
  const [bRowStride, bColStride] = transposeB ? [1, k] : [n, 1];
  const activation = GEMM_ACTIVATIONS[inGemm];
  const product = (rows: number, aAt: number, bAt: number, cAt: number): void => {
    if (threads === null || rows * n * k < PARALLEL_MIN_MACS) {
      native.exports.gemm(rows, n, k, aAt, aRowStride, aColStride, bAt, bRowStride, bColStride, cAt, n, 0, bias, activation, scratch);
      return;
    }
    // Row blocks of a multiple of 4 rows (gemm's tile height), one per thread.
    const block = 4 * Math.ceil(rows / 4 / threads.size);
    const slices: number[][] = [];
    for (let first = 0, t = 0; first < rows; first += block, t++) {
      slices.push([
        Math.min(block, rows - first), n, k, aAt + 4 * first * aRowStride, aRowStride, aColStride, bAt, bRowStride, bColStride,
        cAt + 4 * first * n, n, 0, bias, activation, scratch + t * scratchBytes,
      ]);
    }
    threads.run('gemm', slices);
  };
  if (batchB === 1 && !transposeA && batchA === batchOut) {
    // One right operand: the batches of a are the rows of a single product.
    product(batchA * m, a, b, c);
  } else {
    const mapA = batchIndexMap(batchShapeA, outBatchShape);
    const mapB = batchIndexMap(batchShapeB, outBatchShape);
    for (let i = 0; i < batchOut; i++) {
      product(m, a + 4 * (mapA[i] as number) * m * k, b + 4 * (mapB[i] as number) * k * n, c + 4 * i * m * n);
    }
  }
  if (inGemm === epilogue.activation) return out;
  const activated = applyActivation(backend, out, epilogue.activation, epilogue.prelu, epilogue.leakyreluAlpha);
  backend.disposeData(out.dataId);
  return activated;
}

/**
 * Computes `epilogue(a·b)` into a new float32 tensor `[...outBatchShape, m, n]` with the engine chosen by
 * `useMatMulEngine`: Strata's `gemm` where it loads, XNNPACK otherwise (or for a batch of tiny matrices there, in the module's
 * loop). Operands must be float32.
 */
export function fastBatchMatMul(
  backend: WasmBackend,
  operands: MatMulOperands,
  shape: MatMulShape,
  epilogue: MatMulEpilogue = LINEAR,
): TensorInfo {
  const native = preferredEngine === 'native' ? nativeKernels(backend) : null;
  if (native !== null) return nativeBatchMatMul(backend, native, operands, shape, epilogue);
  if (isSmallBatch(shape, epilogue)) return smallBatchMatMul(backend, operands, shape);
  if (!shouldSwap(operands, shape, epilogue)) return plainBatchMatMul(backend, operands, shape, epilogue);
  const swapped: MatMulOperands = { a: operands.b, b: operands.a, transposeA: !operands.transposeB, transposeB: !operands.transposeA };
  const swappedShape: MatMulShape = {
    ...shape,
    m: shape.n,
    n: shape.m,
    batchShapeA: shape.batchShapeB,
    batchShapeB: shape.batchShapeA,
  };
  const outT = plainBatchMatMul(backend, swapped, swappedShape, epilogue);
  const batch = util.sizeFromShape(shape.outBatchShape);
  const out = transposeMatrices(backend, outT, batch, shape.n, shape.m);
  backend.disposeData(outT.dataId);
  return { dataId: out.dataId, shape: [...shape.outBatchShape, shape.m, shape.n], dtype: 'float32' };
}

/** `epilogue(a·b)` with the operands transposed physically where needed, then XNNPACK matrix by matrix. */
function plainBatchMatMul(backend: WasmBackend, operands: MatMulOperands, shape: MatMulShape, epilogue: MatMulEpilogue): TensorInfo {
  const { m, k, n, batchShapeA, batchShapeB, outBatchShape } = shape;
  const batchA = util.sizeFromShape(batchShapeA);
  const batchB = util.sizeFromShape(batchShapeB);
  const batchOut = util.sizeFromShape(outBatchShape);
  const out = backend.makeOutput([...outBatchShape, m, n], 'float32');
  if (batchOut * m * n === 0) return out;
  if (k === 0) {
    // An empty sum: XNNPACK rejects zero input channels, and the product is all zeros.
    f32(backend, out).fill(0);
    return out;
  }
  // Plain layouts: a as [batchA, m, k], b as [batchB, k, n].
  const a = operands.transposeA ? transposeMatrices(backend, operands.a, batchA, k, m) : operands.a;
  const b = operands.transposeB ? transposeMatrices(backend, operands.b, batchB, n, k) : operands.b;
  const biasId = epilogue.bias === undefined ? 0 : tensorId(backend, epilogue.bias);
  const preluId = epilogue.prelu === undefined ? 0 : tensorId(backend, epilogue.prelu);
  const fused = cFunction(backend, '_FusedMatMul', [
    'number', 'array', 'number', 'number', 'array', 'number',
    'number', 'number', 'number', 'number', 'number', 'number', 'number',
  ]);
  const call = (aId: number, rows: number, bId: number, outId: number): void => {
    fused(
      aId, shapeBytes([1, rows, k]), 3, bId, shapeBytes([1, k, n]), 3, false, false,
      FUSABLE_ACTIVATIONS[epilogue.activation], biasId, preluId, epilogue.leakyreluAlpha, outId,
    );
  };
  try {
    if (batchB === 1) {
      // One weight matrix: all of a's batches are rows of one product, and XNNPACK can keep the packed
      // weights of b cached under b's id.
      call(tensorId(backend, a), batchA * m, tensorId(backend, b), tensorId(backend, out));
    } else {
      const mapA = batchIndexMap(batchShapeA, outBatchShape);
      const mapB = batchIndexMap(batchShapeB, outBatchShape);
      for (let i = 0; i < batchOut; i++) {
        const va = batchA === 1 ? a : makeView(backend, a, (mapA[i] as number) * m * k, [m, k]);
        const vb = makeView(backend, b, (mapB[i] as number) * k * n, [k, n]);
        const vo = makeView(backend, out, i * m * n, [m, n]);
        call(tensorId(backend, va), m, tensorId(backend, vb), tensorId(backend, vo));
        if (va !== a) releaseView(backend, va);
        releaseView(backend, vb);
        releaseView(backend, vo);
      }
    }
  } finally {
    if (a !== operands.a) backend.disposeData(a.dataId);
    if (b !== operands.b) backend.disposeData(b.dataId);
  }
  return out;
}
