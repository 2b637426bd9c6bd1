import { cublasGemmArgs, type CublasGemmArgs } from './gemm';

/** What cuBLAS computes: column-major C = op(A)·op(B), element (i, j) at i + j·ld. */
function cublasReference(args: CublasGemmArgs, first: Float64Array, second: Float64Array): Float64Array {
  const c = new Float64Array(args.batch * args.strideC);
  for (let p = 0; p < args.batch; p++) {
    for (let i = 0; i < args.m; i++) {
      for (let j = 0; j < args.n; j++) {
        let sum = 0;
        for (let l = 0; l < args.k; l++) {
          const a = args.transA ? first[p * args.strideA + l + i * args.lda] : first[p * args.strideA + i + l * args.lda];
          const b = args.transB ? second[p * args.strideB + j + l * args.ldb] : second[p * args.strideB + l + j * args.ldb];
          sum += (a ?? NaN) * (b ?? NaN);
        }
        c[p * args.strideC + i + j * args.ldc] = sum;
      }
    }
  }
  return c;
}

/** Row-major op(A)·op(B), computed directly. */
function rowMajorProduct(
  a: Float64Array,
  b: Float64Array,
  m: number,
  n: number,
  k: number,
  tA: boolean,
  tB: boolean,
  batch: number,
  sA: number,
  sB: number,
): Float64Array {
  const c = new Float64Array(batch * m * n);
  for (let p = 0; p < batch; p++)
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let l = 0; l < k; l++) {
          const av = tA ? a[p * sA + l * m + i] : a[p * sA + i * k + l];
          const bv = tB ? b[p * sB + j * k + l] : b[p * sB + l * n + j];
          sum += (av ?? NaN) * (bv ?? NaN);
        }
        c[p * m * n + i * n + j] = sum;
      }
  return c;
}

const ramp = (n: number, scale: number) => Float64Array.from({ length: n }, (_, i) => ((i * 7) % 11) * scale - 3);

describe('cublasGemmArgs', () => {
  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('transposeA=%s transposeB=%s gives the row-major product', (tA, tB) => {
    const [m, n, k, batch] = [3, 4, 5, 2];
    const a = ramp(batch * m * k, 0.5);
    const b = ramp(batch * k * n, 0.25);
    const args = cublasGemmArgs({ m, n, k, transposeA: tA, transposeB: tB, batch, strideA: m * k, strideB: k * n });
    expect(args.first).toBe('B');
    expect(Array.from(cublasReference(args, b, a))).toEqual(Array.from(rowMajorProduct(a, b, m, n, k, tA, tB, batch, m * k, k * n)));
  });

  it('broadcasts one B over every batch matrix of A with stride 0', () => {
    const [m, n, k, batch] = [2, 3, 4, 3];
    const a = ramp(batch * m * k, 1);
    const b = ramp(k * n, 2);
    const args = cublasGemmArgs({ m, n, k, transposeA: false, transposeB: false, batch, strideA: m * k, strideB: 0 });
    expect(args.strideA).toBe(0);
    expect(Array.from(cublasReference(args, b, a))).toEqual(Array.from(rowMajorProduct(a, b, m, n, k, false, false, batch, m * k, 0)));
  });
});
