import { Reciprocal, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Reciprocal: 1/x. */
export const reciprocalConfig: KernelConfig = unaryKernel(Reciprocal);
