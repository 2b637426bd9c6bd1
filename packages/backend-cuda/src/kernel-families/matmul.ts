/** BatchMatMul through cuBLAS, with batch broadcasting where one side has a single matrix. */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { BackendError, formatShape } from '@strata-ml/core';
import type { CudaBackend } from '../cuda-backend';
import { cublasGemmArgs } from '../gemm';
import { sizeOf } from '../strides';

/** op(a)·op(b) for tensors of rank ≥ 2 whose leading (batch) dims match or are all 1 on one side. */
export function runMatMul(backend: CudaBackend, kernel: string, a: TensorInfo, b: TensorInfo, transposeA: boolean, transposeB: boolean): TensorInfo {
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (a.dtype !== 'float32' || b.dtype !== 'float32') {
    throw new BackendError(`${kernel}: the cuda backend multiplies float32 matrices only; received '${a.dtype}' and '${b.dtype}'`);
  }
  if (ra < 2 || rb < 2) throw new BackendError(`${kernel}: inputs must have rank ≥ 2; received ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
  const m = (transposeA ? a.shape[ra - 1] : a.shape[ra - 2]) ?? 0;
  const k = (transposeA ? a.shape[ra - 2] : a.shape[ra - 1]) ?? 0;
  const kb = (transposeB ? b.shape[rb - 1] : b.shape[rb - 2]) ?? 0;
  const n = (transposeB ? b.shape[rb - 2] : b.shape[rb - 1]) ?? 0;
  if (k !== kb) throw new BackendError(`${kernel}: inner dimensions differ: ${formatShape(a.shape)} and ${formatShape(b.shape)} (transposeA=${transposeA}, transposeB=${transposeB})`);
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const sizeA = sizeOf(batchA);
  const sizeB = sizeOf(batchB);
  if (sizeA !== sizeB && sizeA !== 1 && sizeB !== 1) {
    throw new BackendError(`${kernel}: batch dimensions ${formatShape(batchA)} and ${formatShape(batchB)} broadcast only when they match or one side has a single matrix`);
  }
  const batchShape = sizeA >= sizeB ? batchA : batchB;
  const batch = Math.max(sizeA, sizeB);
  const y = backend.makeOutput([...batchShape, m, n], 'float32');
  if (sizeOf(y.shape) === 0) return y;
  if (k === 0) {
    backend.native.fill(backend.context(kernel, a, b), 0, backend.address(y), sizeOf(y.shape), 0);
    return y;
  }
  const g = cublasGemmArgs({ m, n, k, transposeA, transposeB, batch, strideA: sizeA === 1 ? 0 : m * k, strideB: sizeB === 1 ? 0 : k * n });
  backend.native.gemm(
    backend.context(kernel, a, b),
    g.transA ? 1 : 0,
    g.transB ? 1 : 0,
    g.m,
    g.n,
    g.k,
    backend.address(b),
    g.lda,
    g.strideA,
    backend.address(a),
    g.ldb,
    g.strideB,
    backend.address(y),
    g.ldc,
    g.strideC,
    g.batch,
    backend.options.tf32 ? 1 : 0,
    1,
    0,
  );
  return y;
}
