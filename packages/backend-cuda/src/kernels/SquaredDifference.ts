import { SquaredDifference, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** SquaredDifference: (a − b)², with broadcasting. */
export const squaredDifferenceConfig: KernelConfig = binaryKernel(SquaredDifference);
