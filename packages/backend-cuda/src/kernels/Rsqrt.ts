import { Rsqrt, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Rsqrt: 1/√x. */
export const rsqrtConfig: KernelConfig = unaryKernel(Rsqrt);
