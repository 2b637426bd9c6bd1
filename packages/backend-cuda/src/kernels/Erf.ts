import { Erf, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Erf: the error function. */
export const erfConfig: KernelConfig = unaryKernel(Erf);
