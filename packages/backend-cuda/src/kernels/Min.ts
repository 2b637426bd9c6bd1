import { Min, type KernelConfig } from '@tensorflow/tfjs-core';
import { reduceKernel } from '../kernel-families/reduce';

/** Min: the minimum over the given axes. */
export const minConfig: KernelConfig = reduceKernel(Min);
