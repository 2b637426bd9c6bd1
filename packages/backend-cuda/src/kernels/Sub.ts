import { Sub, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Sub: a − b, with broadcasting. */
export const subConfig: KernelConfig = binaryKernel(Sub);
