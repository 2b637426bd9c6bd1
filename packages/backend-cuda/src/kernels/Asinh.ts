import { Asinh, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Asinh: arsinh x. */
export const asinhConfig: KernelConfig = unaryKernel(Asinh);
