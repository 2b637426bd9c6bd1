import { RealDiv, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** RealDiv: a / b, with broadcasting. */
export const realDivConfig: KernelConfig = binaryKernel(RealDiv);
