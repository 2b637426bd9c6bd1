import { Sigmoid, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Sigmoid: 1/(1 + e⁻ˣ). */
export const sigmoidConfig: KernelConfig = unaryKernel(Sigmoid);
