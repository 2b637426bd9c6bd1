// Single-precision matrix product on strided operands (see gemm.c).
#ifndef STRATA_GEMM_H
#define STRATA_GEMM_H
#include <wasm_simd128.h>
#include "export.h"

#define GEMM_LINEAR 0
#define GEMM_RELU 1
#define GEMM_RELU6 2

// C[i][j] = act((accumulate ? C[i][j] : 0) + sum_k A[i][k] B[k][j] + bias[j]) for an m x n C with row
// stride ldc, A[i][k] at a[i*ars + k*acs], B[k][j] at b[k*brs + j*bcs]; bias may be null. `scratch` holds
// gemm_scratch_floats(n) floats, 16-byte aligned.
void STRATA_EXPORT(gemm)(int m, int n, int k, const float *a, int ars, int acs, const float *b, int brs, int bcs, float *c,
          int ldc, int accumulate, const float *bias, int activation, float *scratch);

// Floats of scratch memory `gemm` needs for n columns.
int STRATA_EXPORT(gemm_scratch_floats)(int n);
#endif
