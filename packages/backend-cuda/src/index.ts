/**
 * @strata-ml/backend-cuda — Strata's native CUDA backend for NVIDIA GPUs (A100, H100/H200; CUDA 13).
 * Importing the package registers the `'cuda'` backend with tfjs-core; `setBackend('cuda')` selects it,
 * and `unavailableReason()` says what is missing on a machine where it cannot start.
 */
import { registerCudaBackend } from './register';

registerCudaBackend();

export { CUDA_BACKEND_NAME, unavailableReason, runtimeProbe, registerCudaBackend } from './register';
export { CudaBackend, type CudaBackendOptions } from './cuda-backend';
export { describeRuntime, type CudaRuntime, type RuntimeProbe } from './cuda-runtime';
export { CUBLAS_PATH_ENV, CUBLAS_SONAME, cublasCandidates } from './library-search';
export { ADDON_PATH_ENV } from './native';
export { kernelConfigs } from './kernels';
export {
  StrataRandomUniform,
  StrataRandomNormal,
  StrataTruncatedNormal,
  StrataApplyAdam,
  StrataApplySgd,
  StrataApplyRmsprop,
} from './custom-kernels';
export type { RandomUniformAttrs, RandomNormalAttrs, AdamAttrs, SgdAttrs, RmspropAttrs } from './custom-kernels';
