import { Sum, type KernelConfig } from '@tensorflow/tfjs-core';
import { reduceKernel } from '../kernel-families/reduce';

/** Sum: the sum over the given axes. */
export const sumConfig: KernelConfig = reduceKernel(Sum);
