import { LessEqual, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** LessEqual: a ≤ b as bool, with broadcasting. */
export const lessEqualConfig: KernelConfig = binaryKernel(LessEqual, 'bool');
