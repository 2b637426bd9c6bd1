/**
 * strata — Keras-style deep learning for TypeScript, in one import.
 *
 * ```ts
 * import { Sequential, layers } from 'strata-ml';
 * const model = new Sequential();
 * model.add(new layers.Dense(10, { inputShape: [784], activation: 'softmax' }));
 * ```
 *
 * Importing this package registers the default WASM backend; `setBackend('cuda')` (with
 * `@strata-ml/backend-cuda` installed) or `STRATA_BACKEND=cuda` selects the GPU.
 */
// Registers the default backend with the tensor engine, so that `ready()` finds it wherever this
// package is installed (core would otherwise have to locate the package by name).
import '@strata-ml/backend-wasm';

export { tf, Tensor, Variable } from '@strata-ml/core';
export type { DataType, Rank, TensorLike, NamedTensorMap, Scalar, Tensor1D, Tensor2D, Tensor3D, Tensor4D } from '@strata-ml/core';
export {
  setBackend,
  ready,
  getBackend,
  installedBackends,
  DEFAULT_BACKEND,
  setRandomSeed,
  getRandomSeed,
  nextSeed,
  globalRandom,
  RandomGenerator,
  toCategorical,
  StrataError,
  ValueError,
  ShapeError,
  UnknownIdentifierError,
  BackendError,
  RuntimeError,
} from '@strata-ml/core';
export type { BackendName } from '@strata-ml/core';

export * as layers from '@strata-ml/layers';
export * as losses from '@strata-ml/losses';
export * as metrics from '@strata-ml/metrics';
export * as optimizers from '@strata-ml/optimizers';
export * as models from '@strata-ml/models';
export * as datasets from '@strata-ml/datasets';
export * as utils from './utils';
export {
  Sequential, Model, callbacks, valueAndGrads, zip, saveModel, loadModel, exportModel, modelToOnnx, CorruptFileError, UnsupportedFeatureError,
} from '@strata-ml/models';
export { Input } from '@strata-ml/layers';
