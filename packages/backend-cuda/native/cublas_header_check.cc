// Compiled only where the toolkit has cuBLAS headers: our declarations must equal the real ones.
#include <cublas_api.h>

#include "cublas_types.h"

namespace c = strata::cublas;
static_assert(static_cast<int>(CUBLAS_OP_N) == c::OP_N && static_cast<int>(CUBLAS_OP_T) == c::OP_T, "op");
static_assert(static_cast<int>(CUBLAS_DEFAULT_MATH) == c::DEFAULT_MATH, "math");
static_assert(static_cast<int>(CUBLAS_TF32_TENSOR_OP_MATH) == c::TF32_TENSOR_OP_MATH, "math tf32");
static_assert(static_cast<int>(CUDA_R_32F) == c::R_32F, "CUDA_R_32F");
static_assert(static_cast<int>(CUBLAS_COMPUTE_32F) == c::COMPUTE_32F, "compute 32f");
static_assert(static_cast<int>(CUBLAS_COMPUTE_32F_FAST_TF32) == c::COMPUTE_32F_FAST_TF32, "compute tf32");
static_assert(static_cast<int>(CUBLAS_GEMM_DEFAULT) == c::GEMM_DEFAULT, "algo");
