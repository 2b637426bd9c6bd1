import { AvgPool, type KernelConfig } from '@tensorflow/tfjs-core';
import { poolKernel } from '../kernel-families/pool';

/** AvgPool: the mean of each window over the pixels inside the image (NHWC). */
export const avgPoolConfig: KernelConfig = poolKernel(AvgPool, 'avg');
