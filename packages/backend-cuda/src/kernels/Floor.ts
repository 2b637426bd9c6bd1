import { Floor, type KernelConfig } from '@tensorflow/tfjs-core';
import { unaryKernel } from '../kernel-families/unary';

/** Floor: ⌊x⌋. */
export const floorConfig: KernelConfig = unaryKernel(Floor);
