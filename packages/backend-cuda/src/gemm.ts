/**
 * Row-major batched matrix multiply expressed as a cuBLAS (column-major) call. A row-major matrix read
 * as column-major is its transpose, so C = op(A)·op(B) is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ: the operands
 * swap places and m and n swap, with no data moved.
 */

/** A row-major product C[batch, m, n] = op(A)[batch, m, k] · op(B)[batch, k, n]. */
export interface RowMajorGemm {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** A is stored [k, m] (and read transposed) instead of [m, k]. */
  readonly transposeA: boolean;
  /** B is stored [n, k] instead of [k, n]. */
  readonly transposeB: boolean;
  readonly batch: number;
  /** Elements between consecutive batch matrices of A; 0 reuses one matrix for every batch. */
  readonly strideA: number;
  readonly strideB: number;
}

/** The arguments of cublasGemmStridedBatchedEx, in its column-major terms. */
export interface CublasGemmArgs {
  readonly transA: boolean;
  readonly transB: boolean;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** Which row-major operand cuBLAS's first operand is. */
  readonly first: 'A' | 'B';
  readonly lda: number;
  readonly strideA: number;
  readonly ldb: number;
  readonly strideB: number;
  readonly ldc: number;
  readonly strideC: number;
  readonly batch: number;
}

/** The cuBLAS call that computes the row-major product `g` (operand order swapped, see the module note). */
export function cublasGemmArgs(g: RowMajorGemm): CublasGemmArgs {
  return {
    transA: g.transposeB,
    transB: g.transposeA,
    m: g.n,
    n: g.m,
    k: g.k,
    first: 'B',
    // Leading dimension = the row length of the row-major storage.
    lda: g.transposeB ? g.k : g.n,
    strideA: g.strideB,
    ldb: g.transposeA ? g.m : g.k,
    strideB: g.strideA,
    ldc: g.n,
    strideC: g.m * g.n,
    batch: g.batch,
  };
}
