import { Relu, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Relu: max(x, 0). */
export const reluConfig: KernelConfig = unaryKernel(Relu, { acceptsInt: true });
