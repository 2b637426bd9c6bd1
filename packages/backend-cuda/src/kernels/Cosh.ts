import { Cosh, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Cosh: cosh x. */
export const coshConfig: KernelConfig = unaryKernel(Cosh);
