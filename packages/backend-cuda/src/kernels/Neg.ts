import { Neg, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Neg: −x. */
export const negConfig: KernelConfig = unaryKernel(Neg, { acceptsInt: true });
