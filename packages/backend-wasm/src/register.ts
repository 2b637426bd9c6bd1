/**
 * The one list of kernels this package adds to or replaces in the wasm backend, and their registration.
 */
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { avgPoolGradConfig } from './kernels/AvgPoolGrad';
import { batchMatMulConfig } from './kernels/BatchMatMul';
import { castConfig } from './kernels/Cast';
import { clipByValueConfig } from './kernels/ClipByValue';
import { conv2DConfig } from './kernels/Conv2D';
import { conv2DBackpropFilterConfig } from './kernels/Conv2DBackpropFilter';
import { conv2DBackpropInputConfig } from './kernels/Conv2DBackpropInput';
import { depthwiseConv2dNativeBackpropFilterConfig } from './kernels/DepthwiseConv2dNativeBackpropFilter';
import { depthwiseConv2dNativeBackpropInputConfig } from './kernels/DepthwiseConv2dNativeBackpropInput';
import { fusedConv2DConfig } from './kernels/FusedConv2D';
import { fusedDepthwiseConv2DConfig } from './kernels/FusedDepthwiseConv2D';
import { gatherV2Config } from './kernels/GatherV2';
import { identityConfig } from './kernels/Identity';
import { maximumConfig } from './kernels/Maximum';
import { maxPoolGradConfig } from './kernels/MaxPoolGrad';
import { minimumConfig } from './kernels/Minimum';
import { preluConfig } from './kernels/Prelu';
import { reluConfig } from './kernels/Relu';
import { relu6Config } from './kernels/Relu6';
import { strataAdamUpdateConfig } from './kernels/StrataAdamUpdate';
import { strataDropoutMaskConfig } from './kernels/StrataDropoutMask';
import { strataSGDUpdateConfig } from './kernels/StrataSGDUpdate';
import { strataSimpleRNNConfig } from './kernels/StrataSimpleRNN';
import { strataSimpleRNNGradConfig } from './kernels/StrataSimpleRNNGrad';
import { sumConfig } from './kernels/Sum';
import { tanhConfig } from './kernels/Tanh';
import { unpackConfig } from './kernels/Unpack';
import { unsortedSegmentSumConfig } from './kernels/UnsortedSegmentSum';
import { fusedMatMulConfig } from './kernels/_FusedMatMul';
import { recordStockKernel } from './stock-kernels';

/** Every kernel Strata registers for the wasm backend. */
export const STRATA_WASM_KERNELS: readonly KernelConfig[] = [
  batchMatMulConfig,
  fusedMatMulConfig,
  conv2DConfig,
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  depthwiseConv2dNativeBackpropFilterConfig,
  depthwiseConv2dNativeBackpropInputConfig,
  gatherV2Config,
  unsortedSegmentSumConfig,
  maxPoolGradConfig,
  avgPoolGradConfig,
  strataAdamUpdateConfig,
  strataSGDUpdateConfig,
  strataDropoutMaskConfig,
  strataSimpleRNNConfig,
  strataSimpleRNNGradConfig,
  tanhConfig,
  sumConfig,
  identityConfig,
  castConfig,
  unpackConfig,
  clipByValueConfig,
  reluConfig,
  relu6Config,
  maximumConfig,
  minimumConfig,
  preluConfig,
  fusedConv2DConfig,
  fusedDepthwiseConv2DConfig,
];

/** Registers Strata's kernels for 'wasm', replacing stock kernels of the same name. */
export function registerStrataKernels(): void {
  for (const config of STRATA_WASM_KERNELS) {
    const stock = getKernel(config.kernelName, config.backendName);
    if (stock !== undefined) {
      // Kept for replacements that hand some cases back to the stock kernel (Sum, Cast, Identity, Unpack,
      // GatherV2, and the NaN-keeping elementwise kernels for other dtypes).
      if (!STRATA_WASM_KERNELS.includes(stock)) recordStockKernel(stock);
      unregisterKernel(config.kernelName, config.backendName);
    }
    registerKernel(config);
  }
}
