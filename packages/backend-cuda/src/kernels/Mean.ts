import { Mean, type KernelConfig } from '@tensorflow/tfjs-core';
import { reduceKernel } from '../kernel-families/reduce';

/** Mean: the mean over the given axes. */
export const meanConfig: KernelConfig = reduceKernel(Mean);
