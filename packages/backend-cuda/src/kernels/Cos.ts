import { Cos, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Cos: cos x. */
export const cosConfig: KernelConfig = unaryKernel(Cos);
