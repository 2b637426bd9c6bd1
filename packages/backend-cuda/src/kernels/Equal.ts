import { Equal, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Equal: a = b as bool, with broadcasting. */
export const equalConfig: KernelConfig = binaryKernel(Equal, 'bool');
