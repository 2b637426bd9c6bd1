import { Minimum, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Minimum: min(a, b), with broadcasting. */
export const minimumConfig: KernelConfig = binaryKernel(Minimum);
