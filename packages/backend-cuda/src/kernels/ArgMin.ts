import { ArgMin, type KernelConfig } from '@tensorflow/tfjs-core';
import { argReduceKernel } from '../kernel-families/reduce';

/** ArgMin: the index of the first minimum along an axis (int32). */
export const argMinConfig: KernelConfig = argReduceKernel(ArgMin);
