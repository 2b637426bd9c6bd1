import { LogicalXor, type KernelConfig } from '@tensorflow/tfjs-core';
import { binaryKernel } from '../kernel-families/binary';

/** LogicalXor: a ⊕ b as bool, with broadcasting. */
export const logicalXorConfig: KernelConfig = binaryKernel(LogicalXor, 'bool');
