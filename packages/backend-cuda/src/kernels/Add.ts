import { Add, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Add: a + b, with broadcasting. */
export const addConfig: KernelConfig = binaryKernel(Add);
