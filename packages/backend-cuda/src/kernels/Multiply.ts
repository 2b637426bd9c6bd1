import { Multiply, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Multiply: a · b, with broadcasting. */
export const multiplyConfig: KernelConfig = binaryKernel(Multiply);
