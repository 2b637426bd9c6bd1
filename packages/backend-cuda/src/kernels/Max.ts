import { Max, type KernelConfig } from '@tensorflow/tfjs-core';
import { reduceKernel } from '../kernel-families/reduce';

/** Max: the maximum over the given axes. */
export const maxConfig: KernelConfig = reduceKernel(Max, 'reductionIndices');
