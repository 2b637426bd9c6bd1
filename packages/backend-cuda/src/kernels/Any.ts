import { Any, type KernelConfig } from '@tensorflow/tfjs-core';
import { reduceKernel } from '../kernel-families/reduce';

/** Any: logical or (bool) over the given axes. */
export const anyConfig: KernelConfig = reduceKernel(Any);
