import { LogicalOr, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** LogicalOr: a ∨ b as bool, with broadcasting. */
export const logicalOrConfig: KernelConfig = binaryKernel(LogicalOr, 'bool');
