/**
 * @strata-ml/core — the tensor core of Strata: tensors and ops over tfjs-core, backends by name, one seeded
 * random source, `toCategorical`, and the error family.
 */
import * as tf from './ops';
// After tfjs-core itself, so that the gradients' ops attach to its engine rather than create one.
import './register-gradients';
import { cpuBackendLoaded, registerCpuKernels } from './cpu-kernels/register';

if (cpuBackendLoaded()) registerCpuKernels();

export { tf };
export { Tensor, Variable } from '@tensorflow/tfjs-core';
export type { DataType, Rank, TensorLike, NamedTensorMap, Scalar, Tensor1D, Tensor2D, Tensor3D, Tensor4D } from '@tensorflow/tfjs-core';

export { setBackend, ready, getBackend, installedBackends, DEFAULT_BACKEND } from './backend';
export type { BackendName } from './backend';
export { RandomGenerator, setRandomSeed, getRandomSeed, nextSeed, globalRandom } from './random';
export { toCategorical } from './to-categorical';
export { OptionSpec, defineOptions, notSupportedYet, optionKeys, renamedInKeras3 } from './options';
export type { OptionKeys, LegacyOptions, NoOptions } from './options';
export { closestName, editDistance } from './closest-name';
export { warnOnce } from './warn-once';
export { StrataAdamUpdate, StrataSGDUpdate, StrataDropoutMask, StrataSimpleRNN, StrataSimpleRNNGrad } from './kernel-names';
export {
  StrataError,
  ValueError,
  ShapeError,
  UnknownIdentifierError,
  UnknownOptionError,
  BackendError,
  RuntimeError,
  formatShape,
  formatValue,
  invalidArgument,
  shapeMismatch,
  unknownIdentifier,
} from './errors';
