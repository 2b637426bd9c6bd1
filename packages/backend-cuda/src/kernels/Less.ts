import { Less, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Less: a < b as bool, with broadcasting. */
export const lessConfig: KernelConfig = binaryKernel(Less, 'bool');
