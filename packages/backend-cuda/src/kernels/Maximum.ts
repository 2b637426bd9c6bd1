import { Maximum, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Maximum: max(a, b), with broadcasting. */
export const maximumConfig: KernelConfig = binaryKernel(Maximum);
