import { Atan2, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Atan2: atan2(a, b), with broadcasting. */
export const atan2Config: KernelConfig = binaryKernel(Atan2);
