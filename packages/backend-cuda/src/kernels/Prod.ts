import { Prod, type KernelConfig } from '@tensorflow/tfjs-core';
import { reduceKernel } from '../kernel-families/reduce';

/** Prod: the product over the given axes. */
export const prodConfig: KernelConfig = reduceKernel(Prod);
