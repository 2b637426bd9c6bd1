import { LogicalAnd, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** LogicalAnd: a ∧ b as bool, with broadcasting. */
export const logicalAndConfig: KernelConfig = binaryKernel(LogicalAnd, 'bool');
