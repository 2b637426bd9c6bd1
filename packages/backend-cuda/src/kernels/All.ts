import { All, type KernelConfig } from '@tensorflow/tfjs-core';
import { reduceKernel } from '../kernel-families/reduce';

/** All: logical and (bool) over the given axes. */
export const allConfig: KernelConfig = reduceKernel(All);
