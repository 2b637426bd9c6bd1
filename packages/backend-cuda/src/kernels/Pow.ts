import { Pow, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** Pow: aᵇ, with broadcasting. */
export const powConfig: KernelConfig = binaryKernel(Pow);
