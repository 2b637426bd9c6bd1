import { MaxPool, type KernelConfig } from '@tensorflow/tfjs-core';
import { poolKernel } from '../kernel-families/pool';

/** MaxPool: the maximum of each window (NHWC). */
export const maxPoolConfig: KernelConfig = poolKernel(MaxPool, 'max');
