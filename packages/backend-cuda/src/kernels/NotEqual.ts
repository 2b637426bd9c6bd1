import { NotEqual, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** NotEqual: a ≠ b as bool, with broadcasting. */
export const notEqualConfig: KernelConfig = binaryKernel(NotEqual, 'bool');
