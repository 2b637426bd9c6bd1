// Our own declarations of the few cuBLAS types and entry points we call. cuBLAS is loaded at run time
// (dlopen), so neither its headers nor its library are needed to build. Values are those of CUDA 13's
// cublas_api.h and library_types.h; static_asserts pin them here, kernels/device.cu checks CUDA_R_32F
// against library_types.h, and cublas_header_check.cc checks the rest wherever a real cublas_api.h exists.
#pragma once
#include <cstdint>

namespace strata::cublas {

using Handle = struct cublasContext*;
using Status = int;
using Stream = void*;

enum Operation : int { OP_N = 0, OP_T = 1 };
enum MathMode : int { DEFAULT_MATH = 0, TF32_TENSOR_OP_MATH = 3 };
enum DataType : int { R_32F = 0 };
enum ComputeType : int { COMPUTE_32F = 68, COMPUTE_32F_FAST_TF32 = 77 };
enum GemmAlgo : int { GEMM_DEFAULT = -1 };

static_assert(OP_N == 0 && OP_T == 1, "cublasOperation_t");
static_assert(DEFAULT_MATH == 0 && TF32_TENSOR_OP_MATH == 3, "cublasMath_t");
static_assert(R_32F == 0, "cudaDataType CUDA_R_32F");
static_assert(COMPUTE_32F == 68, "cublasComputeType_t CUBLAS_COMPUTE_32F");
// One public copy of cublas_api.h gives 74 here; 74 is CUBLAS_COMPUTE_32F_FAST_16F.
static_assert(COMPUTE_32F_FAST_TF32 == 77, "cublasComputeType_t CUBLAS_COMPUTE_32F_FAST_TF32");
static_assert(GEMM_DEFAULT == -1, "cublasGemmAlgo_t CUBLAS_GEMM_DEFAULT");

using CreateFn = Status (*)(Handle*);
using DestroyFn = Status (*)(Handle);
using SetStreamFn = Status (*)(Handle, Stream);
using SetMathModeFn = Status (*)(Handle, MathMode);
using GetVersionFn = Status (*)(Handle, int*);
using GemmStridedBatchedExFn = Status (*)(Handle, Operation transa, Operation transb, int m, int n, int k,
                                          const void* alpha, const void* a, DataType aType, int lda,
                                          long long strideA, const void* b, DataType bType, int ldb,
                                          long long strideB, const void* beta, void* c, DataType cType, int ldc,
                                          long long strideC, int batchCount, ComputeType computeType,
                                          GemmAlgo algo);

}  // namespace strata::cublas
