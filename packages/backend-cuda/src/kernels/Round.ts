import { Round, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Round: x rounded half to even. */
export const roundConfig: KernelConfig = unaryKernel(Round);
