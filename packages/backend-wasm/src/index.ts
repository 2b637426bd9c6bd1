/**
 * @strata-ml/backend-wasm — the default CPU backend: tfjs-backend-wasm (XNNPACK, WASM SIMD) with Strata's
 * own kernels where it is slow, wrong or missing. Importing this package registers the `'wasm'` backend
 * and those kernels; in Node the `.wasm` binaries are read from the installed package.
 */
import '@tensorflow/tfjs-backend-wasm';
import { registerStrataKernels } from './register';
import { useInstalledWasmFiles } from './wasm-files';
import { enableNodeThreads } from './node-threads';

useInstalledWasmFiles();
enableNodeThreads();
registerStrataKernels();

export { STRATA_WASM_KERNELS, registerStrataKernels } from './register';
export { backendInfo } from './backend-info';
export { useMatMulEngine } from './fast-matmul';
export type { MatMulEngine } from './fast-matmul';
export type { WasmBackendInfo, WasmBinary } from './backend-info';
export { installedWasmFolder } from './wasm-files';
export { unavailableReason } from './unavailable-reason';
export { setWasmPaths, getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
export { setThreadsCount } from './thread-count';
