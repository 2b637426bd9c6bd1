import { Relu6, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Relu6: min(max(x, 0), 6). */
export const relu6Config: KernelConfig = unaryKernel(Relu6);
