import { Greater, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Greater: a > b as bool, with broadcasting. */
export const greaterConfig: KernelConfig = binaryKernel(Greater, 'bool');
