/**
 * @strata/backend-wasm — the default CPU backend: tfjs-backend-wasm (XNNPACK, WASM SIMD) with Strata's
 * own kernels where it is slow or missing. Importing this package registers the `'wasm'` backend.
 */
import '@tensorflow/tfjs-backend-wasm';
