import { ArgMax, type KernelConfig } from '@tensorflow/tfjs-core';
import { argReduceKernel } from '../kernel-families/reduce';

/** ArgMax: the index of the first maximum along an axis (int32). */
export const argMaxConfig: KernelConfig = argReduceKernel(ArgMax);
